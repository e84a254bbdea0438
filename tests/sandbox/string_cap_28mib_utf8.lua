-- expect: ^string_cap_28mib_utf8.lua: string longer than 1 MiB \(the limit of one string in a model\)$
-- Trick: utf8.len, utf8.offset, tonumber and arithmetic on a 28 MiB
-- string, each a walk of 28 MiB in C per call. The string is refused.
local s = string.rep("1", 28 * 1024 * 1024)
while true do local _ = utf8.len(s), utf8.offset(s, -1), tonumber(s), s + 1 end
