-- expect: attempt to call a nil value \(global 'collectgarbage'\)
-- Trick: collectgarbage("stop") lets garbage pile up past what the
-- allocator sees as live; "count" leaks memory layout (removed; tech.md §3).
collectgarbage("stop")
