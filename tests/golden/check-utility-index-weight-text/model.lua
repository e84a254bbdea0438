-- utility_index with a weight that is not a number: refused when the model is read, at the
-- model's line (it was read at the first bid, and the error named scripts/total.lua). [constructed]
model { id = "check-utility-index-weight-text", title = "Utility index, weight as text", basis = "ratio",
        total = utility_index { quality_weight = "sextio", price_weight = 40 } }
price "Pris" { }
criterion "Kvalitet" { max = 5 }
