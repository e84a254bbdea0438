-- expect: model_excel_hyperlink_total.lua:5: model: "total": method "total_link": its Excel form calls HYPERLINK
-- Trick: a total whose Excel form is a link the reader may click.
local t = method { name = "total_link", kind = "total", relative = false,
  excel = 'SUM({contributions})+0*HYPERLINK({price})', fn = function(b) return b.points end }
model { id = "link", title = "Link", basis = "points", total = t }
price "Pris" { max = 10, formula = lowest_ratio }
