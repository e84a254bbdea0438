-- expect: ^string_rep_empty.lua:7: empty rep returned 0$
-- Trick: string.rep("", math.maxinteger) passes lstrlib.c's size check
-- (0 bytes) and then loops 2^63 times in C copying nothing, where no hook
-- runs. The sandbox's rep returns "" at once for empty pieces.
local s = string.rep("", math.maxinteger)
local t = string.rep("", math.maxinteger, "")
error("empty rep returned " .. #s + #t)
