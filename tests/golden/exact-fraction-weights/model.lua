-- Weights written exactly: 2/3 as text and 1/3 as a percentage of a fraction
-- ("100/3 %"); they add up to exactly 1, which 2/3 and 1/3 as Lua floats do not
-- promise. Weighted sum: research §2.10; lowest_ratio: §2.7 (WE-01).
-- Provenance: [constructed], computed by hand in calc.md.
model { id = "exact-fraction-weights", title = "Exact fraction weights", basis = "points",
        rounding = { total = 2, mode = "half_up" } }
criterion "Kvalitet" { weight = "2/3", max = 10 }
price "Pris" { weight = "100/3 %", max = 10, formula = lowest_ratio }
