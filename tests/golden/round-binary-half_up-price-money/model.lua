-- Rounding of figures that are not exact in binary: the price step and the money step
-- (the comparison price) in mode half_up, each written { decimals, mode }. SEK deductions per
-- level (research/domain-models.md §2.4) bring the comparison prices to halves:
-- 11 − 8.995 = 2.005. research §3.7. Provenance: [constructed], computed by hand in calc.md.
model {
  id = "round-binary-half_up-price-money", title = "Binary-inexact halves, price and money, half_up",
  basis = "comparison_price",
  rounding = { price = { 2, "half_up" }, money = { 2, "half_up" } },
}
price "Pris" { }
scale "Nivå" { "L0", "L1", "L2", "L3", "L4" }
added_value "Mervärde" { scale = "Nivå", panel = "consensus",
                         deduction = { 0, 0.155, 8.995, 9.715, 9.875 } }
