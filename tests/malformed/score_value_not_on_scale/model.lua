-- Malformed-input case score_value_not_on_scale: a number that is no level value of the scale.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
scale "Betyg" { "Låg", "Medel", "Hög" }
criterion "Kvalitet" { max = 40, scale = "Betyg" }
