-- expect: ^string_eq_long_loop.lua:7: time limit exceeded: the model's code ran for more than [0-9]+ s
-- Trick: == on two equal 1 MiB strings (distinct objects, so Lua compares
-- them byte by byte, ~24 us) in a loop: 30 000 times the cost of an
-- ordinary instruction. The count hook also watches the clock.
local a = string.rep("x", 1024 * 1024)
local b = a:sub(1)
while true do local _ = a == b end
