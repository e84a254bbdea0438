-- expect: model_excel_file_path.lua:6: price "Pris": "formula": method "path": its Excel form names a sheet or file in quotes
-- Trick: an Excel form that reads a file by its path ('C:\...'!A1).
model { id = "path", title = "Path", basis = "points" }
local path = method { name = "path", kind = "price_points", excel = [['C:\anbud\[pay.xlsx]Blad1'!A1*{max}]],
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = path }
