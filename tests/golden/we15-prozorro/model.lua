-- ProZorro reduced price (приведена ціна), as coded in openprocurement:
--   coef = 1 + Vn / (1 − Vmax), reduced price = price / coef, rounded to 2 decimals.
-- Source: research/peers.md §1.3 and §1.5 (the meat.rst feature example, figures
-- computed by the research from the published features); domain-models.md WE-15.
-- Provenance: [computed from published inputs].
model {
  id = "we15-prozorro", title = "ProZorro MEAT features (meat.rst example)",
  basis = "comparison_price", total = reduced_price,
  currency = "UAH", lang = "en",
  rounding = { money = 2, mode = "half_up" },
}
price "Amount" { }
scale "Payment terms" { "none", "5 %", "10 %", "15 %" }
scale "Grade" { "none", "1 %", "5 %" }
added_value "Payment terms" { scale = "Payment terms", declared = true, value = { 0, 0.05, 0.10, 0.15 } }
added_value "Grade" { scale = "Grade", declared = true, value = { 0, 0.01, 0.05 } }
