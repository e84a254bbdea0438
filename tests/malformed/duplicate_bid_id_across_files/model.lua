-- Malformed-input case duplicate_bid_id_across_files: bid A in two bids files.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
