-- absolute_linear gives full points at its best price and below: a price floor
-- (golvpris), which HFD 2022 ref. 41 (Vafabmiljö) struck down. Without a declared price
-- range `check` probes from 1 kr, not from the formula's best price, so the floor below
-- 100 000 is found and flagged as an error. research/domain-models.md §2.8. [constructed]
model { id = "check-absolute-linear-floor", title = "Absolut prismodell utan prisintervall", basis = "points" }
criterion "Kvalitet" { max = 45 }
price "Pris" { max = 55, formula = absolute_linear { best = 100000, worst = 300000 } }
