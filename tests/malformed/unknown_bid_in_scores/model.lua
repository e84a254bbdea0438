-- Malformed-input case unknown_bid_in_scores: a score for a bid that is not in the bids file.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
