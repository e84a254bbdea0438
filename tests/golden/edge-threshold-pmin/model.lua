-- Edge case: a quality threshold excludes the cheapest bid, which changes P_min.
-- research/domain-models.md §2.12 (minimum quality thresholds, CJEU C-546/16 Montte)
-- and §4 item 6 (exclusion order): the excluded bid must be removed before relative
-- price points are computed, otherwise it distorts P_min.
-- Provenance: [constructed].
model {
  id = "edge-threshold-pmin",
  title = "Kvalitetströskel före relativ prispoäng",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 30, min = "50 %" }   -- under 15 poäng: anbudet går inte vidare
price "Pris" { max = 70, formula = lowest_ratio }  -- 70 x lägsta pris / pris
