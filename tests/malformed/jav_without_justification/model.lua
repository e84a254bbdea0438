-- Malformed-input case jav_without_justification: an evaluator stands aside (jäv)
-- without saying why. A recusal is on the record with its reason, or not at all.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
