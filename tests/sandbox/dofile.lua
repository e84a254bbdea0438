-- expect: attempt to call a nil value \(global 'dofile'\)
-- Trick: run another file (removed from _G; tech.md §3).
dofile("/etc/passwd")
