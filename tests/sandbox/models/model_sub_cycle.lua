-- expect: model_sub_cycle.lua:7: criterion "A": a criterion with this name is already declared
-- Trick: sub-criteria in a cycle (A under B under A) below a top-level
-- group; the reader must stop, not recurse until the stack runs out.
model { id = "cycle", title = "Cycle", basis = "points" }
price "Pris" { max = 1, formula = lowest_ratio }
local sa, sb = {}, {}
local a = criterion "A" { sub = sa }
local b = criterion "B" { sub = sb }
sa[1], sb[1] = b, a
criterion "T" { sub = { a } }
