-- expect: ^string_rep_memory.lua(:[0-9]+)?: memory limit exceeded \(64 MiB\)$
-- Trick: one huge string.rep. The allocator refuses growth past the cap
-- (tech.md §3 "Memory cap": string.rep('x', 100 MiB) -> LUA_ERRMEM).
local s = string.rep("x", 100 * 1024 * 1024)
