-- Malformed-input case bidder_noncharacter_fffe: U+FFFE in a bidder's name, which no workbook (XML) can hold.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
