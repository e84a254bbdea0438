-- expect: ^table_border_huge.lua:9: instruction budget exceeded$
-- Trick: a table of 63 entries whose length (a border in the hash part,
-- ltable.c hash_search) is 2^62, with no metamethod; table.remove(t, 1)
-- then shifts 2^62 slots in C. The wrapper charges the loop's length to
-- the budget first.
local t = {}
for i = 62, 0, -1 do t[1 << i] = true end
assert(#t == 1 << 62, "border is " .. #t)
table.remove(t, 1)
