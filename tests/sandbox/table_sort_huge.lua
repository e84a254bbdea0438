-- expect: table.sort: tables with a __len metamethod are not allowed
-- Trick: sort 2^31-2 elements served by C metamethods (no hook) through a
-- __len that lies about the size.
local t = setmetatable({}, { __len = function() return 0x7ffffffe end,
                             __index = rawlen, __newindex = rawequal })
table.sort(t)
