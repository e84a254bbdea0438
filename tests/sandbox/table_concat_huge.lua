-- expect: memory limit exceeded \(64 MiB\)$
-- Trick: table.concat of many large pieces builds one huge string in C.
local piece = string.rep("x", 1024 * 1024)
local t = {}
for i = 1, 100 do t[i] = piece end
local s = table.concat(t)
