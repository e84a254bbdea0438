-- expect: ^utf8_offset_loop.lua:5: instruction budget exceeded$
-- Trick: utf8.offset to the last of a million characters in a loop,
-- charged one instruction per two bytes of the string.
local s = string.rep("x", 1024 * 1024)
while true do local _ = utf8.offset(s, 1024 * 1024) end
