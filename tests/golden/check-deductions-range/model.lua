-- SEK deductions of at most 120 000 kr against a declared plausible price range of
-- 500 000 to 900 000 kr: no plausible price goes below 0, so `check` says nothing about
-- negative comparison prices and does not ask for the range it has. research §2.4. [constructed]
model { id = "check-deductions-range", title = "Mervärden med prisintervall", basis = "comparison_price" }
price "Pris" { range = { 500000, 900000 } }
scale "Mervärde" { "Inget", "Något", "Bra", "Högt" }
added_value "Samvaro" { scale = "Mervärde", panel = "consensus", deduction = { 0, 40000, 80000, 120000 } }
