-- expect: ^num_huge_power.lua:5: number too large for exact arithmetic$
-- Trick: an exact power with millions of digits (3^1000000 takes seconds
-- and megabytes in GMP, outside the Lua allocator). The size is checked
-- against DEC_MAX_BITS before computing.
local x = num.parse("3") ^ 1000000
