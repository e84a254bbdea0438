-- `check` must warn when percentage deductions add up to 100 %: every full-marks bid then
-- gets comparison price 0 whatever its price (e-Avrop, research/domain-models.md §2.5,
-- WE-08). [constructed]
model { id = "check-percent-100", title = "Procentuella avdrag, 100 %", basis = "comparison_price" }
price "Pris" { }
added_value "Kvalitet" { max = 5, deduction = percent(60) }
added_value "Miljö" { max = 5, deduction = percent(40) }
