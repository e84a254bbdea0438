-- expect: ^num_sqrt_loop.lua:6: instruction budget exceeded$
-- Trick: num.sqrt of a 13 000-bit perfect square in a loop: GMP's square
-- root (perfect-square test, then two roots) was charged like one
-- multiplication, 4-9 s to reach the budget.
local x = num.parse("10") ^ 4000
while true do local _ = num.sqrt(x) end
