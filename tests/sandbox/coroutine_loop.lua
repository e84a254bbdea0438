-- expect: attempt to index a nil value \(global 'coroutine'\)
-- Trick: hooks are per coroutine (tech.md §3: "lua_newthread copies the
-- hook at creation"); a coroutine could dodge a per-thread kill flag. The
-- coroutine library is not opened at all.
local co = coroutine.wrap(function() while true do coroutine.yield() end end)
while true do co() end
