-- expect: model_excel_external_workbook.lua:7: price "Pris": "formula": method "ext": its Excel form refers to another workbook
-- Trick: an Excel form that reads another workbook ([1]Sheet1!A1): opening
-- the audit workbook would ask to update links to a file elsewhere.
model { id = "ext", title = "External", basis = "points" }
local ext = method { name = "ext", kind = "price_points", excel = '[1]Sheet1!A1*{max}',
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = ext }
