-- An overall quality threshold given as a share ("70 %") in a weighted model. The
-- exclusion states the shortfall in the terms the model declared it (69,5 % of the
-- highest possible quality, against 70 %), with the weighted points beside it, in the
-- model's language (decimal comma). research/domain-models.md §2.12 (minimum quality
-- thresholds). [constructed]
model {
  id = "threshold-weighted-sv", title = "Viktad modell med kvalitetsgräns",
  basis = "points", currency = "SEK", lang = "sv",
  threshold = "70 %",                                -- of 0,6 x 100 = 60 weighted points
}
criterion "Kvalitet" { weight = 0.6, max = 100 }                   -- mean of the panel
price "Pris" { weight = 0.4, max = 100, formula = lowest_ratio }   -- 0,4 x 100 x lägsta / pris
