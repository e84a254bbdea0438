-- Malformed-input case form_empty_evaluator_name: the evaluator's name (B2) cleared, and a score given (an evaluator's sheet laid out per bid; tests/malformed/make-form-cases.py writes form.xlsx).
model {
  id = "bedomargrupp", title = "Städtjänst: bedömargrupp som bedömer var för sig",
  basis = "points", currency = "SEK", lang = "sv",
  rounding = { total = 2, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}
scale "Betyg" { { "Låg", 0 }, { "Medel", 1 }, { "Hög", 2 } }
criterion "Metod"     { max = 20, scale = "Betyg" }        -- mean of the three evaluators
criterion "Bemanning" { max = 20, panel = "median" }       -- points 0-20, median
price "Pris" { max = 60, formula = lowest_ratio }
requirement "Försäkring" { text = "Ansvarsförsäkring under hela avtalstiden" }
