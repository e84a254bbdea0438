-- tests/template/panel: a panel that scores apart. The procurer fills in the
-- bids of the form (anbud template) and sends a copy to each of three
-- evaluators; each fills in their own sheet; all copies are evaluated
-- together. calc.md holds the hand calculation the test compares with.
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
