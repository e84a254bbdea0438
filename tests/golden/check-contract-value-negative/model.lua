-- An estimated contract value below zero is no amount: a model error naming the line of
-- model { }, where the declaration begins. [constructed]
model {
  id = "check-contract-value-negative", title = "Negativt värde", basis = "points",
  contract_value = -4500000,
}
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
