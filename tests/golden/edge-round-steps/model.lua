-- Rounding per step with its own mode: the panel's mean coefficient is truncated to
-- 2 decimals (as the Italian example prints 1.1/3 as 0.36, research/domain-models.md
-- §3.7), totals are rounded to 1 decimal half-even, other steps half-up.
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "edge-round-steps", title = "Rounding per step", basis = "points",
  rounding = { panel = { 2, "truncate" }, total = { 1, "half_even" }, mode = "half_up" },
}
criterion "Tecnica" { max = 1 }
price "Prezzo" { max = 1, formula = lowest_ratio }
