-- Malformed-input case duplicate_consensus_score: two consensus rows for one bid and criterion.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40, panel = "consensus" }
