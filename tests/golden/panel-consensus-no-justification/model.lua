-- Panel consensus, error: the consensus row of bid "Anbud 1" on Genomförande has no
-- justification (motivering). A consensus score must be justified: the evaluation
-- must stop with an input error (exit 4) naming the bid and the criterion.
-- research/domain-models.md §3.1 (a consensus score with a justification text);
-- README "criterion" (panel = "consensus"). Provenance: [constructed].
model {
  id = "panel-consensus-no-justification", title = "Utvärderingsgrupp: konsensus", basis = "points",
  currency = "SEK", lang = "sv",
}
criterion "Genomförande" { weight = 0.3, max = 5, panel = "consensus" }
criterion "Kompetens"    { weight = 0.2, max = 5, panel = "consensus" }
price "Pris" { weight = 0.5, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
