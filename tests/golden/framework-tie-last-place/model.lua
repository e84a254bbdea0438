-- A framework agreement with three suppliers in ranked order, where two bids
-- tie for the third place and the declared tie-break (the lower price) cannot
-- separate them: the first two places stand, the third is undecided. [constructed]
model {
  id = "ramavtal-lika-tredje", title = "Ramavtal, lika anbud om tredje platsen",
  basis = "points", lang = "sv",
  tiebreak = { "price" },
  award = { framework = 3 },
}
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
