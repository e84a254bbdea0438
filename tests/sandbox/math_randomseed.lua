-- expect: attempt to call a nil value \(field 'randomseed'\)
-- Trick: reseed math.random from the clock or the state's address to make
-- results differ between runs (tech.md §3 "Determinism": seeded once by
-- the host, then randomseed removed).
math.randomseed(12345)
