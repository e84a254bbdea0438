-- Malformed-input case empty_header_name: a header cell without a name.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
