-- expect: ^divide_by_zero.lua:6: division by zero$
-- Trick: exact division by zero (Lua's 1/0 gives inf and 0/0 NaN, which
-- would poison every later comparison; tech.md §3 number pitfalls).
local price = num.parse("0")
local points = 70
local score = points * num.parse("100") / price
