-- A weight computed with plain Lua arithmetic: 0.1 + 0.2 is 0.30000000000000004, so the
-- weights would not add up to exactly 1 and the message would blame the sum. anbud
-- names the figure and the decimal it should be. Weighted sum: research §2.10.
model { id = "check-float-weight", title = "Float weight", basis = "points" }
criterion "Kvalitet" { weight = 0.1 + 0.2, max = 10 }
price "Pris" { weight = 0.7, max = 10, formula = lowest_ratio }
