-- Malformed-input case score_outside_range: a score of 45 on a 0..40 criterion.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
