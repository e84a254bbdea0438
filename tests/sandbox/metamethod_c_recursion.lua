-- expect: stack overflow
-- Trick: recursion through __index, which goes through C each time
-- (luaV_finishget): the C stack limit (LUAI_MAXCCALLS) stops it.
local t = setmetatable({}, {})
getmetatable(t).__index = function(s, k) return s[k .. "x"] end
local v = t.a
