-- utility_index with a price weight below zero: N = 60 / -40 = -1.5 turns the quality
-- term around, so the bid of lower quality scores the higher utility (it was accepted).
-- [constructed]
model { id = "check-utility-index-weight-negative", title = "Utility index, negative weight", basis = "ratio",
        total = utility_index { quality_weight = 60, price_weight = -40 } }
price "Pris" { }
criterion "Kvalitet" { max = 5 }
