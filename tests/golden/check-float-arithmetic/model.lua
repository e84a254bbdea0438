-- A model number computed with plain Lua arithmetic is binary floating point:
-- 40/60*100 is 66.66666666666666, not 200/3, and the comparison price would come
-- out as 1199999.99999999998. anbud refuses it at load, in check as in evaluate,
-- and says how to write the figure exactly. Percentage deduction: research §2.5.
model { id = "check-float-arithmetic", title = "Float arithmetic in a model", basis = "comparison_price" }
price "Pris" { }
added_value "Genomförande" { max = 5, deduction = percent(40/60*100) }
