-- absolute_linear with its prices written as text: "90000" and "100000" are compared
-- as exact numbers (90 000 < 100 000), not as text (where "9" > "1" would call the best
-- price higher than the worst). Between 90 000 (55 points) and 100 000 (0 points) price
-- moves a total by at most 55 - 0 = 55. [constructed]
model { id = "check-absolute-linear-text", title = "Absolut prismodell, priser som text", basis = "points" }
criterion "Kvalitet" { max = 45 }
price "Pris" { max = 55, formula = absolute_linear { best = "90000", worst = "100000" },
               range = { 90000, 100000 } }
