-- A framework agreement (ramavtal) with three suppliers in ranked order
-- (rangordning, LOU 7 kap. 5-7 §§): call-offs go to supplier 1 first, then 2,
-- then 3. One bid fails a mandatory requirement and takes no part.
model {
  id = "ramavtal-konsulter", title = "Ramavtal konsulttjänster, tre leverantörer i rangordning",
  basis = "points", lang = "sv",
  rounding = { total = 2 },
  tiebreak = { "quality", "price" },
  award = { framework = 3 },
}
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }
price "Timpris" { max = 70, formula = lowest_ratio }
criterion "Kompetens" { max = 30 }
