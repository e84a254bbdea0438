-- value_for_money with per = 0: every total is Q / P x 0 = 0, so every bid ties (it was
-- accepted). [constructed]
model { id = "check-value-for-money-per-zero", title = "Value for money, per zero", basis = "ratio",
        total = value_for_money { per = 0 } }
price "Pris" { }
criterion "Kvalitet" { max = 5 }
