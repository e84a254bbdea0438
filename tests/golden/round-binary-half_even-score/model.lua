-- Rounding of figures that are not exact in binary: the score step in mode half_even, on a
-- scale's level values (score = max × value / top = the value, max being the top) and
-- on negative price points (linear_from_lowest, research §2.7, WE-14:
-- 1 × (1 − (300.5 − 100) / 100) = −1.005). research/domain-models.md §3.7.
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "round-binary-half_even-score", title = "Binary-inexact halves, score, half_even", basis = "points",
  rounding = { score = { 2, "half_even" }, total = 2 },
}
scale "Värden" { { "noll", 0 }, { "a", 0.125 }, { "b", 0.285 }, { "c", 1.005 }, { "d", 1.015 },
                 { "e", 2.5 }, { "f", 1234567.845 }, { "topp", 2000000 } }
criterion "Skala" { scale = "Värden", panel = "consensus" }
price "Pris" { max = 1, formula = linear_from_lowest }
