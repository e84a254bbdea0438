-- expect: __gc metamethods are not allowed in models$
-- Trick: hide __gc behind an __index on the metatable, hoping the check
-- reads the field through metamethods. The check uses lua_rawget, and a
-- raw __gc present in the table is refused however it got there.
local mt = setmetatable({}, { __index = function() return nil end })
rawset(mt, "__gc", function() while true do end end)
setmetatable({}, mt)
