-- expect: model_deep_subcriteria.lua:9: criterion "C18": sub-criteria nest more than 8 levels deep
-- Trick: sub-criteria nested 25 deep. The model reader keeps each level's
-- tables on the Lua stack; without room made per level it wrote past the
-- end of the stack (glibc: munmap_chunk(): invalid pointer; valgrind:
-- invalid writes under lua_next). Nesting is limited to 8 levels.
model { id = "deep", title = "Deep", basis = "points" }
price "Pris" { max = 1, formula = lowest_ratio }
local c = criterion "L" { max = 5 }
for i = 1, 25 do c = criterion("C" .. i) { sub = { c } } end
