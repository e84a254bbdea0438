-- Malformed-input case duplicate_score_row: one evaluator scoring the same bid and criterion twice.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
