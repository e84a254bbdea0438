-- expect: model_excel_own_reference.lua:7: price "Pris": "formula": method "peek": its Excel form refers to a sheet
-- Trick: an Excel form that reads cells of its own choosing (another sheet,
-- a cell the model did not earn).
model { id = "peek", title = "Peek", basis = "points" }
local peek = method { name = "peek", kind = "price_points", excel = 'Bids!C5*{max}',
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = peek }
