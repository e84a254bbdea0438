-- A hostile model: a table nested 100 000 deep in a declaration. The check of the
-- model's numbers walks the declarations; it stops at 32 levels with an error
-- instead of overflowing the C stack.
model { id = "check-literal-depth", title = "Deep", basis = "points" }
local t = {}
for i = 1, 100000 do t = { t } end
criterion "K" { max = 10, text = "x", junk = t }
price "Pris" { max = 10, formula = lowest_ratio }
