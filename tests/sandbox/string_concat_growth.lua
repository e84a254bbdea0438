-- expect: memory limit exceeded \(64 MiB\)$
-- Trick: doubling a string until memory runs out; s .. s is done in C.
local s = "x"
while true do s = s .. s end
