-- The same absolute_linear with a declared plausible price range (README's example):
-- no plausible price lies below the best price, so there is no floor to flag, and no
-- finding asks for a range that is declared. Between 100 000 (55 points) and 300 000 (0)
-- price moves a total by at most 55 - 0 = 55. [constructed]
model { id = "check-absolute-linear-range", title = "Absolut prismodell med prisintervall", basis = "points" }
criterion "Kvalitet" { max = 45 }
price "Pris" { max = 55, formula = absolute_linear { best = 100000, worst = 300000 },
               range = { 100000, 300000 } }
