-- expect: model_excel_indirect.lua:7: price "Pris": "formula": method "ind": its Excel form calls INDIRECT
-- Trick: INDIRECT builds a reference from text, to any cell of any sheet or
-- workbook; references come only from {placeholders}.
model { id = "ind", title = "Indirect", basis = "points" }
local ind = method { name = "ind", kind = "price_points", excel = 'INDIRECT({price})*{max}',
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = ind }
