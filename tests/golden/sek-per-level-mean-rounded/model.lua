-- SEK per level (mervärdesmodell, research §2.4: a pre-announced amount per level,
-- Lindbäck) under a panel's mean: two evaluators' "Bra" and "Högt" give 2.5, which is
-- no level and has no amount. No source interpolates between levels, so check makes
-- it an error and says what to declare instead. Provenance: [constructed].
-- Here the mean is rounded to whole levels (rounding.panel = 0 on a scale valued 0..3),
-- so every bid has a level and an amount; check finds no error.
model { id = "sek-per-level-mean-rounded", title = "SEK per level under a rounded mean", basis = "comparison_price",
        rounding = { panel = 0, mode = "half_up" } }
price "Pris" { }
scale "Mervärde" { { "Inget", 0, "Inget mervärde" }, { "Något", 1, "Något mervärde" },
                   { "Bra", 2, "Bra mervärde" }, { "Högt", 3, "Högt mervärde" } }
added_value "Samvaro" { scale = "Mervärde", panel = "mean", deduction = { 0, 40000, 80000, 120000 } }
