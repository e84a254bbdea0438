-- expect: ^gc_finalizer_hang.lua:6: __gc metamethods are not allowed in models$
-- Trick: a __gc finalizer that loops. Finalizers run with hooks disabled
-- (lgc.c GCTM, allowhook = 0), so it would hang the run and lua_close.
-- setmetatable refuses a metatable with __gc (tech.md §3, hole 2).
local t = {}
setmetatable(t, { __gc = function() while true do end end })
