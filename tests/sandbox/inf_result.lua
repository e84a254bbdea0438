-- expect: not a finite number$
-- Trick: compare an exact number with infinity (1/0 in plain Lua), or
-- convert math.huge to a rational.
local y = num.parse("1") < math.huge
