-- WE-08 Percentage surcharge (procentuellt påslag), e-Avrop's explanation.
-- Source: https://help.e-avrop.com/help/forklaring-procentuellt-paslag-och-avdrag
-- research/domain-models.md §5 WE-08 (formula §2.5: J = P x (1 + b x (1 - f))).
-- Provenance: [published]. The score fraction f is given as points out of 10
-- (5/10 = 0.5, 10/10 = 1.0). The tie-break "price" is [constructed]: the source only
-- shows that A and C tie at 750.
model {
  id = "we08-surcharge",
  title = "Procentuellt påslag: 100 % vid 0 poäng",
  basis = "comparison_price",
  currency = "SEK", lang = "sv",
  tiebreak = { "price" },
}

price "Pris" { text = "Anbudspris" }
added_value "Kvalitet" { max = 10, surcharge = percent(100) }  -- pris x 100 % x (10 - poäng) / 10
