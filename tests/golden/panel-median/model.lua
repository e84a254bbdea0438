-- Panel median: the middle score of the evaluators becomes the criterion's score, so
-- one evaluator's outlier does not move it. Genomförande is scored by three evaluators
-- (odd: the middle value), Kompetens by four (even: the mean of the two middle values).
-- research/domain-models.md §3.1 (panels, aggregation rule mean/median/consensus).
-- Provenance: [constructed], computed by hand in calc.md (also: the mean would rank
-- the bids differently).
model {
  id = "panel-median", title = "Utvärderingsgrupp: median", basis = "points",
  currency = "SEK", lang = "sv",
}
criterion "Genomförande" { weight = 0.3, max = 5, panel = "median" }
criterion "Kompetens"    { weight = 0.2, max = 4, panel = "median" }
price "Pris" { weight = 0.5, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
