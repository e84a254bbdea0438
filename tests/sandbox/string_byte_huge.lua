-- expect: string slice too long
-- Trick: push every byte of an 8 MiB string as a separate value.
local s = string.rep("x", 8 * 1024 * 1024)
local n = select("#", s:byte(1, -1))
