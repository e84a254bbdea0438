-- expect: model_long_name.lua:5: criterion: the name is longer than 200 bytes
-- Trick: a criterion named with 40 000 bytes (it heads workbook columns).
model { id = "long", title = "Long", basis = "points" }
price "Pris" { max = 10, formula = lowest_ratio }
criterion(string.rep("K", 40000)) { max = 5 }
