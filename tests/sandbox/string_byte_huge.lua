-- expect: string slice too long
-- Trick: push every byte of a 1 MiB string (the longest a model may build)
-- as a separate value: more than the Lua stack holds.
local s = string.rep("x", 1024 * 1024)
local n = select("#", s:byte(1, -1))
