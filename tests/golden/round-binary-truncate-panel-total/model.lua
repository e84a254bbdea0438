-- Rounding of figures that are not exact in binary (1.005 is 1.00499999999999989… as a
-- double): the panel step and the total step in mode truncate. The workbook's rounding
-- formulas must recompute to anbud's exact result in LibreOffice and Gnumeric.
-- research/domain-models.md §3.7 (rounding declared per step). Provenance: [constructed],
-- computed by hand in calc.md. Price points (linear_from_lowest, research §2.7, WE-14)
-- bring the negative totals: 1 × (1 − (300.5 − 100) / 100) = −1.005.
model {
  id = "round-binary-truncate-panel-total", title = "Binary-inexact halves, panel and total, truncate", basis = "points",
  rounding = { panel = 2, total = { 2, "truncate" }, mode = "truncate" },
}
criterion "Panel" { max = 3000000 }
criterion "Konsensus" { max = 2000000, panel = "consensus" }
price "Pris" { max = 1, formula = linear_from_lowest }
