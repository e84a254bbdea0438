-- Malformed-input case score_label_not_on_scale: a level label the scale does not have.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
scale "Betyg" { "Låg", "Medel", "Hög" }
criterion "Kvalitet" { max = 40, scale = "Betyg" }
