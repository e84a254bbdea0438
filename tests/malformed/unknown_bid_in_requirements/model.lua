-- Malformed-input case unknown_bid_in_requirements: an answer for a bid that is not in the bids file.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
requirement "Livsmedel" { text = "Registrerad livsmedelsanläggning" }
