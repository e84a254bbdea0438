-- expect: attempt to index a nil value \(global 'os'\)
-- Trick: make the result depend on the clock (os.time/os.date vary from
-- run to run; tech.md §3 "Determinism").
local seed = os.time()
