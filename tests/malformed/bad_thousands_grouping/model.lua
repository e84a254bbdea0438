-- Malformed-input case bad_thousands_grouping: a price "1 23" with a group of two digits.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
