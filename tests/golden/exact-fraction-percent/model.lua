-- Figures written exactly as text: a deduction of 200/3 % of the price ("two thirds")
-- and 1000/3 kr in proportion to the score, the forms a model uses instead of
-- 40/60*100 (binary floating point). Percentage deduction: research §2.5 (e-Avrop,
-- WE-08); SEK in proportion: §2.4 (Lindbäck, WE-05). Provenance: [constructed],
-- computed by hand in calc.md.
model { id = "exact-fraction-percent", title = "Exact fractions in a model",
        basis = "comparison_price", rounding = { money = 0, mode = "half_up" } }
price "Pris" { }
added_value "Genomförande" { max = 5, deduction = percent("200/3") }
added_value "Miljö" { max = 4, deduction = sek_linear("1000/3") }
