-- Malformed-input case model_label_control_character: U+0007 (bell) in a scale level's label.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
scale "Betyg" { "Svag", "Godk\a", "Bra" }
criterion "Kvalitet" { max = 40, scale = "Betyg" }
