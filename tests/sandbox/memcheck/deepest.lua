-- exit: 0
-- Sub-criteria 8 levels deep, the most the reader accepts, each level with
-- every field a criterion may have, so that the reader pushes the most it
-- can per level.
model { id = "deepest", title = "Deepest", basis = "points" }
scale "Betyg" { { "Låg", 0, "Brister" }, { "Hög", 5, "Inga brister" } }
price "Pris" { max = 10, weight = 0.5, formula = lowest_ratio }
local c = criterion "L" { text = "Längst ned", scale = "Betyg", panel = "median",
                          min = 0, spread = 2, weight = 1 }
for i = 1, 7 do
  c = criterion("C" .. i) { text = "Nivå " .. i, weight = i < 7 and 1 or 0.5, sub = { c } }
end
