-- expect: table.remove: tables with a __len metamethod are not allowed
-- Trick: table.remove(t, 1) loops in C up to #t; __len can claim 2^62
-- and a C function as __index/__newindex keeps the loop hook-free.
local t = setmetatable({}, { __len = function() return 1 << 62 end,
                             __index = rawequal, __newindex = rawequal })
table.remove(t, 1)
