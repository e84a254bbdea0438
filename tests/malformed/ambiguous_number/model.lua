-- Malformed-input case ambiguous_number: a price "1.234" in a file whose decimal separator is the comma.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
