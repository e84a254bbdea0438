-- expect: ^nan_result.lua:5: not a finite number$
-- Trick: bring NaN into exact arithmetic (0/0 in plain Lua), which would
-- make every comparison false and a ranking arbitrary.
local x = 0 / 0
local y = num.parse("1") + x
