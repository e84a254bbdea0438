-- Italian commissioners' coefficients with rescaling (riparametrazione): each
-- commissioner gives a coefficient in [0, 1], the mean is taken, and the best
-- mean is rescaled to full marks before the points are added to the price
-- points. Source: research/domain-models.md §2.10, §2.11 and §3.1 (ANAC / Consip).
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "edge-rescale", title = "Offerta economicamente più vantaggiosa, riparametrata",
  basis = "points", lang = "en",
  rounding = { total = 3, mode = "half_up" },
}
criterion "Tecnica" { max = 70, panel = "mean", rescale = true }
price "Prezzo" { max = 30, formula = lowest_ratio }
