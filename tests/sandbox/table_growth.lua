-- expect: memory limit exceeded \(64 MiB\)$
-- Trick: a table that grows without end (tech.md §3 "Memory cap").
local t = {}
local i = 0
while true do
  i = i + 1
  t[i] = i
end
