-- Malformed-input case bid_differs_across_files: bid A in two files, the same bidder but another price: the error names the cell and the other file.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
