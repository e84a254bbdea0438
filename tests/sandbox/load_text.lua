-- expect: attempt to call a nil value \(global 'load'\)
-- Trick: build code as text and load it with a different environment
-- (Redis: never build Lua source by concatenation; tech.md §3).
local f = load("return 1")
