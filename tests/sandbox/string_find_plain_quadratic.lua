-- expect: ^string_find_plain_quadratic.lua:8: plain find done$
-- Trick: a plain search that is quadratic in a naive implementation
-- (lstrlib.c lmemfind: memchr + memcmp at each candidate): 1 MiB of 'a'
-- against 256 KiB of 'a' then 'b'. The sandbox's find uses memmem (linear).
local s = string.rep("a", 1024 * 1024)
local p = string.rep("a", 256 * 1024) .. "b"
local i = s:find(p, 1, true)
error("plain find done" .. (i and " (found?)" or ""))
