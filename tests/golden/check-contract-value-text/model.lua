-- "4,5 Mkr" is how a person writes it, not an exact number of the model language
-- (numbers in a model are 4500000, "4500000.50" or "9000000/2"). [constructed]
-- The model { } declaration is on line 4; the message names the model's currency.
model { id = "check-contract-value-text", title = "Värde som text", basis = "points", currency = "EUR", contract_value = "4,5 Mkr" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
