-- Malformed-input case jav_consensus: the panel's agreed score cannot be a recusal;
-- only an evaluator can stand aside for a conflict of interest (jäv).
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40, panel = "consensus" }
