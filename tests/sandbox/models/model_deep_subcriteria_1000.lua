-- expect: model_deep_subcriteria_1000.lua:7: criterion "C993": sub-criteria nest more than 8 levels deep
-- Trick: sub-criteria nested 1000 deep (built in a loop, so the parser's
-- register limit does not stop it first).
model { id = "deep", title = "Deep", basis = "points" }
price "Pris" { max = 1, formula = lowest_ratio }
local c = criterion "L" { max = 5 }
for i = 1, 1000 do c = criterion("C" .. i) { sub = { c } } end
