-- expect: ^tonumber_long_loop.lua:5: instruction budget exceeded$
-- Trick: tonumber of a 1 MiB string of digits (strtod over all of it) in
-- a loop; charged one instruction per two bytes.
local s = string.rep("1", 1024 * 1024)
while true do local _ = tonumber(s) end
