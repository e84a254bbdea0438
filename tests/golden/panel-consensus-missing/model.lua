-- Panel consensus, error: bid "Anbud 2" has individual scores on Kompetens but no
-- consensus row (evaluator "konsensus"). A consensus criterion cannot fall back on the
-- mean: the evaluation must stop with an input error (exit 4) naming the bid and the
-- criterion. research/domain-models.md §3.1; README "criterion" (panel = "consensus":
-- a row with evaluator konsensus/consensus is required). Provenance: [constructed].
model {
  id = "panel-consensus-missing", title = "Utvärderingsgrupp: konsensus", basis = "points",
  currency = "SEK", lang = "sv",
}
criterion "Genomförande" { weight = 0.3, max = 5, panel = "consensus" }
criterion "Kompetens"    { weight = 0.2, max = 5, panel = "consensus" }
price "Pris" { weight = 0.5, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
