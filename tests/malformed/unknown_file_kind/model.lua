-- Malformed-input case unknown_file_kind: a file whose header is neither bids, scores nor requirements.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
