-- Malformed-input case currency_eur: a price in EUR where only kr or SEK may follow.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
