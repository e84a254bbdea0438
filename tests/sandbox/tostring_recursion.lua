-- expect: stack overflow
-- Trick: __tostring that calls tostring on itself, a C -> Lua -> C cycle.
local t = {}
setmetatable(t, { __tostring = function(x) return tostring(x) end })
local s = tostring(t)
