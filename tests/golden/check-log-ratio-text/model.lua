-- log_ratio with A written as text that is not a number: the model's error at the model's
-- line (it was Lua's "attempt to compare string with number" at scripts/price.lua:158).
-- [constructed]
model { id = "check-log-ratio-text", title = "Log ratio, A as text", basis = "points" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = log_ratio { A = "två" } }
