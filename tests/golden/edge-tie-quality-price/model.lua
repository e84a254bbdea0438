-- Edge case: totals equal after rounding; tie-break chain quality, then price.
-- research/domain-models.md §3.6 (UK practice: pre-announced tie-breakers, "the higher
-- quality score first", then price) and §3.7 (rank on values at declared precision).
-- Provenance: [constructed]. All three totals round to 100; B has the lowest quality
-- and comes last; A and C have equal quality and the lower price (C) comes first.
model {
  id = "edge-tie-quality-price",
  title = "Lika poäng efter avrundning: kvalitet, sedan pris",
  basis = "points",
  currency = "SEK", lang = "sv",
  rounding = { total = 0, mode = "half_up" },   -- hela poäng
  tiebreak = { "quality", "price", "lottery" },
}

criterion "Kvalitet" { max = 30 }                 -- medelvärdet av två bedömare
price "Pris" { max = 70, formula = lowest_ratio }  -- 70 x lägsta pris / pris
