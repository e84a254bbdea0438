-- Panel mean: three evaluators score two quality criteria (0–5 and 0–4) for three
-- bids; the panel's mean becomes the score, and the mean is rounded to 2 decimals
-- (half up) before it is weighted, as declared. Price gives the rest of the points.
-- research/domain-models.md §3.1 (panels: average the individual scores) and §3.7
-- (rounding declared per step). Provenance: [constructed], computed by hand in calc.md.
model {
  id = "panel-mean", title = "Utvärderingsgrupp: medelvärde av tre bedömare",
  basis = "points", currency = "SEK", lang = "sv",
  rounding = { panel = 2, total = 2, mode = "half_up" },
}
criterion "Genomförande" { weight = 0.3, max = 5, panel = "mean" }
criterion "Kompetens"    { weight = 0.2, max = 4 }               -- mean is the default
price "Pris" { weight = 0.5, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
