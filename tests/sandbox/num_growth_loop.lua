-- expect: ^num_growth_loop.lua:6: number too large for exact arithmetic$
-- Trick: repeated squaring doubles the size each step; the 15th square has
-- 16384+ bits. Every result is checked against DEC_MAX_BITS.
local x = num.parse("3")
while true do
  x = x * x
end
