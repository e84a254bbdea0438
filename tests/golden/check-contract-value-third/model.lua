-- An exact number that is no amount of money: 1/3 of a million kronor has no last öre,
-- and neither has 0.125 kr. [constructed]
-- The model { } declaration is on line 4.
model { id = "check-contract-value-third", title = "Värde i tredjedelar", basis = "points", contract_value = "1000000/3" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
