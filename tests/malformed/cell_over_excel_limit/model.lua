-- Malformed-input case cell_over_excel_limit: a bidder's name of 32 768 bytes, one more than an Excel cell holds.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
