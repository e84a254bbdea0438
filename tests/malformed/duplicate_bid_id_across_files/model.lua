-- Malformed-input case duplicate_bid_id_across_files: bid A in two bids files, from two bidders (two files that agree give one bid; these do not).
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
