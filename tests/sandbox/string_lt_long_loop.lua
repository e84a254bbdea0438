-- expect: ^string_lt_long_loop.lua:6: time limit exceeded: the model's code ran for more than [0-9]+ s
-- Trick: < on two 1 MiB strings that differ only in their last byte
-- (strcoll walks both) in a loop.
local a = string.rep("x", 1024 * 1024 - 1) .. "a"
local b = string.rep("x", 1024 * 1024 - 1) .. "b"
while true do local _ = a < b end
