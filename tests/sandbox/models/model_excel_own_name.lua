-- expect: model_excel_own_name.lua:7: price "Pris": "formula": method "peek": its Excel form names "LowestPrice": a reference or name of its own
-- Trick: an Excel form that reads a named cell itself instead of through
-- its {placeholder}: the cells a formula reads come only from placeholders.
model { id = "peek", title = "Peek", basis = "points" }
local peek = method { name = "peek", kind = "price_points", excel = '{max}*LowestPrice/{price}',
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = peek }
