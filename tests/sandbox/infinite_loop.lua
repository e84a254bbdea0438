-- expect: ^infinite_loop.lua:4: instruction budget exceeded$
-- Trick: a plain endless loop. Stopped by the count hook and the
-- instruction budget (tech.md §3, "Instruction budget").
while true do end
