-- expect: attempt to index a nil value \(global 'debug'\)
-- Trick: debug.sethook(nil) removes the budget hook; debug.getregistry and
-- debug.setmetatable reach everything (debug is never opened; tech.md §3).
debug.sethook()
