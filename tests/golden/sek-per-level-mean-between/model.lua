-- SEK per level (mervärdesmodell, research §2.4: a pre-announced amount per level,
-- Lindbäck) under a panel's mean: two evaluators' "Bra" and "Högt" give 2.5, which is
-- no level and has no amount. No source interpolates between levels, so check makes
-- it an error and says what to declare instead. Provenance: [constructed].
-- evaluate refuses the model as check does, before any bid is read (A's mean would be 2.5).
model { id = "sek-per-level-mean-between", title = "SEK per level under a mean", basis = "comparison_price" }
price "Pris" { }
scale "Mervärde" { { "Inget", 0, "Inget mervärde" }, { "Något", 1, "Något mervärde" },
                   { "Bra", 2, "Bra mervärde" }, { "Högt", 3, "Högt mervärde" } }
added_value "Samvaro" { scale = "Mervärde", panel = "mean", deduction = { 0, 40000, 80000, 120000 } }
