-- expect: model_excel_dde.lua:6: price "Pris": "formula": method "dde": its Excel form holds a DDE link
-- Trick: a DDE link (=cmd|'/c calc'!A0) that asks Excel to start a program.
model { id = "dde", title = "DDE", basis = "points" }
local dde = method { name = "dde", kind = "price_points", excel = [[cmd|'/c calc'!A0]],
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = dde }
