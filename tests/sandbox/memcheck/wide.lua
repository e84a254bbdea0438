-- exit: 0
-- Wide: 100 sub-criteria per group, 19 groups of them (2000 declarations
-- in all, the most a model may make), each sub-criterion with a long text.
model { id = "wide", title = "Wide", basis = "points" }
price "Pris" { max = 10, formula = lowest_ratio }
for g = 1, 19 do
  local subs = {}
  for i = 1, 100 do
    subs[i] = criterion("G" .. g .. "K" .. i) { max = 5, text = string.rep("x", 200) }
  end
  criterion("G" .. g) { sub = subs }
end
