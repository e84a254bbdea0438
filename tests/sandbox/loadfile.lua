-- expect: attempt to call a nil value \(global 'loadfile'\)
-- Trick: load another file, possibly bytecode (removed; tech.md §3).
local f = loadfile("/tmp/evil.luac")
