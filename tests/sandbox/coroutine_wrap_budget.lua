-- expect: attempt to index a nil value \(global 'coroutine'\)
-- Trick: loop inside coroutine.wrap, resumed from pcall, to escape the
-- budget with a fresh thread. No coroutine library, no threads.
pcall(coroutine.wrap(function() while true do end end))
