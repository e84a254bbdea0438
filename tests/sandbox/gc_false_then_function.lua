-- expect: __gc metamethods are not allowed in models$
-- Trick: set __gc = false (marks the object for finalization, since any
-- non-nil __gc counts in lgc.c luaC_checkfinalizer), then put a looping
-- function there before the collector runs. Any non-nil __gc is refused.
local mt = { __gc = false }
local t = setmetatable({}, mt)
mt.__gc = function() while true do end end
