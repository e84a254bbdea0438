-- expect: model_long_text.lua:5: criterion "K": "text" is longer than 4000 bytes
-- Trick: a criterion's text longer than a cell of the workbook can hold.
model { id = "long", title = "Long", basis = "points" }
price "Pris" { max = 10, formula = lowest_ratio }
criterion "K" { max = 5, text = string.rep("å", 20000) }
