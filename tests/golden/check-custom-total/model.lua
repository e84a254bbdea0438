-- A model whose total is its own Lua function: `check` describes it (what it is, on
-- which line) instead of printing nothing after "custom:", and every finding names a
-- real line of the model file, never line 0. [constructed]
model { id = "check-custom-total", title = "Own total", basis = "points", lang = "en",
        total = function(b, ctx) return b.points end }
criterion "Quality" { max = 40 }
price "Price" { max = 60, formula = lowest_ratio }
