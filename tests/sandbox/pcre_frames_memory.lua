-- expect: ^pcre_frames_memory.lua:9: memory limit exceeded \(64 MiB\)$
-- Trick: fill the Lua heap to near its 64 MiB cap, then let PCRE2 grow its
-- backtracking frames (100 captures make each frame ~1.7 KiB; up to the
-- 8 MiB heap limit). The frames come from the sandbox's allocator, so they
-- count in the cap instead of adding 8 MiB per cached pattern outside it.
local keep = {}
for i = 1, 58 do keep[i] = string.rep(string.char(64 + i % 26), 1024 * 1024) end
local pat = "^" .. string.rep("()", 100) .. "(?:a|b)*$"
local ok = re.test(string.rep("a", 9000) .. "!", pat)
