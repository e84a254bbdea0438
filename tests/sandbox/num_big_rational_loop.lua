-- expect: ^num_big_rational_loop.lua:7: instruction budget exceeded$
-- Trick: arithmetic on rationals near DEC_MAX_BITS, ~0.2 ms of GMP work
-- (gcds) per VM instruction. Operations are charged by operand size.
local x = num.parse("7") ^ 3000 / num.parse("3") ^ 4000
local y = num.parse("5") ^ 3000 / num.parse("11") ^ 2000
while true do
  local z = x + y
end
