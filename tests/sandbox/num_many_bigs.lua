-- expect: memory limit exceeded \(64 MiB\)$
-- Trick: GMP limbs are malloc'd outside the Lua allocator, so many big
-- nums could use gigabytes while Lua counts a few bytes each (and its
-- collector would not hurry). Every num reserves room for its limbs in
-- its userdata, so the cap counts them.
local big = num.parse("7") ^ 5000
local t = {}
while true do t[#t + 1] = big + #t end
