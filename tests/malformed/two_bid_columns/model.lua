-- Malformed-input case two_bid_columns: both "bid" and "anbud" in the header.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
