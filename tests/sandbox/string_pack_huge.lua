-- expect: memory limit exceeded \(64 MiB\)$
-- Trick: string.pack zero-pads a fixed-size field, so "c1073741824" builds
-- a 1 GiB string from an empty one, one luaL_addchar at a time in C.
local s = string.pack("c1073741824", "")
