model { id = "x", title = "Två delområden", basis = "points" }
lot "1" { text = "Norr" }
lot "2" { text = "Syd" }
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30, lot = "3" }
