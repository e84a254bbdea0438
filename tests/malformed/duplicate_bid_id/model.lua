-- Malformed-input case duplicate_bid_id: two bids with the id A (in different case).
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
