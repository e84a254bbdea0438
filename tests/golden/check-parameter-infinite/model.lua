-- A parameter that is an infinity (1/0 in Lua): its own message at the model's line (it was
-- num.parse's "not a finite number" at scripts/declare.lua:28). [constructed]
model { id = "check-parameter-infinite", title = "Infinite parameter", basis = "points" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = absolute_linear { best = 100000, worst = 1/0 } }
