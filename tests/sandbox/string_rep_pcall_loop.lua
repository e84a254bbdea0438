-- expect: instruction budget exceeded$
-- Trick: pcall(string.rep, 'x', 1e9) is catchable; retry it forever. Each
-- attempt fails at the cap, and the loop runs out of budget.
-- (tech.md §3: "harmless because the allocator keeps refusing".)
while true do
  pcall(string.rep, "x", 1e9)
end
