-- WE-08 Percentage deduction (procentuellt avdrag), e-Avrop's explanation.
-- Source: https://help.e-avrop.com/help/forklaring-procentuellt-paslag-och-avdrag
-- research/domain-models.md §5 WE-08 (formula §2.5: J = P x (1 - a x f)).
-- Provenance: [published]. Score fraction f as points out of 10. With 100 % at full
-- points every full-points bid gets J = 0 whatever its price: the pitfall the source shows.
model {
  id = "we08-deduction",
  title = "Procentuellt avdrag: 100 % vid full poäng",
  basis = "comparison_price",
  currency = "SEK", lang = "sv",
  tiebreak = { "price" },
}

price "Pris" { text = "Anbudspris" }
added_value "Kvalitet" { max = 10, deduction = percent(100) }  -- pris x 100 % x poäng / 10
