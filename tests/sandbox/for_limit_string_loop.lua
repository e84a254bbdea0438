-- expect: ^for_limit_string_loop.lua:6: time limit exceeded: the model's code ran for more than [0-9]+ s
-- Trick: a numeric for whose limit is a 1 MiB string of digits: the VM
-- converts it (strpbrk, strtod over the whole string) each time the loop
-- starts, inside one instruction.
local s = string.rep("1", 1024 * 1024)
while true do for i = 1, s do break end end
