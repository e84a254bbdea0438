-- expect: attempt to index a nil value \(global 'io'\)
-- Trick: read a file (io is never opened; tech.md §3).
local f = io.open("/etc/passwd")
