-- expect: ^num_denominator_growth.lua:7: number too large for exact arithmetic$
-- Trick: grow the denominator instead of the numerator (each step squares
-- it); the check covers both parts of the rational.
local x = num.parse("1") / 3
local seventh = num.parse("1") / 7
while true do
  x = x * x + seventh
end
