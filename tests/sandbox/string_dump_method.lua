-- expect: attempt to call a nil value \(method 'dump'\)
-- Trick: reach string.dump through the string metatable's __index
-- (("").dump) instead of the global table.
local code = (""):dump()
