-- Blom's 90/10 example (research/domain-models.md §2.7 pitfall 4): with 90 % quality and
-- 10 % relative price, price can move a total by at most 10 × (1 − lowest/highest)
-- points. Over the declared prices 100 000 to 200 000: 0.1 × 100 × (1 − 1/2) = 5, so a
-- quality lead above 5 points can never be overtaken. [constructed; hand calculation]
model { id = "check-blom-90-10", title = "90/10, relativt pris", basis = "points" }
criterion "Kvalitet" { weight = 0.9, max = 100 }
price "Pris" { weight = 0.1, max = 100, formula = lowest_ratio, range = { 100000, 200000 } }
