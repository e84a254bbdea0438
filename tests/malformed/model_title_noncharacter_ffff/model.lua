-- Malformed-input case model_title_noncharacter_ffff: U+FFFF in the model's title, which no workbook (XML) can hold.
model { id = "malformed", title = "Felaktiga indata\u{FFFF}", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
