-- Panel consensus: the evaluators score individually, then meet and agree on one
-- score per criterion with a justification (konsensusbedömning); the consensus row,
-- not the mean of the individual scores, becomes the score.
-- research/domain-models.md §3.1 (UK university practice: individual scoring, then a
-- single moderated score by consensus; the engine needs the consensus score with a
-- justification). Provenance: [constructed], computed by hand in calc.md.
model {
  id = "panel-consensus", title = "Utvärderingsgrupp: konsensus", basis = "points",
  currency = "SEK", lang = "sv",
}
criterion "Genomförande" { weight = 0.3, max = 5, panel = "consensus" }
criterion "Kompetens"    { weight = 0.2, max = 5, panel = "consensus" }
price "Pris" { weight = 0.5, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
