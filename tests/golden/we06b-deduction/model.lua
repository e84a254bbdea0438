-- WE-06 (b) Percentage deduction ("ny viktning 1"), Riksantikvarieämbetet case 1.
-- Source: Jan Ottander, "Bedömnings- och utvärderingsmetoder inom uppdragsarkeologin",
--   FoU-rapport, Riksantikvarieämbetet 2012, page 93:
--   https://yumpu.com/sv/document/view/20398818/bedomnings-och-utvarderingsmetoder-inom-uppdragsarkeologin-/93
-- research/domain-models.md §5 WE-06 (b), formula §2.5, rounding §3.7.
-- Provenance: [published, recomputed].
-- Deduction = weight x own price x mark / 5; J = price - sum of deductions, rounded
-- half-up to whole kronor (deductions stay exact: sum first, then round).
model {
  id = "we06b-ottander-deduction",
  title = "Uppdragsarkeologi, fall 1: procentuellt avdrag (ny viktning 1)",
  basis = "comparison_price",
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_up" },
}

price "Pris" { text = "Anbudspris, kr" }

added_value "Komp. personal" { max = 5, deduction = percent(20) }  -- pris x 20 % x betyg / 5
added_value "Komp. företag"  { max = 5, deduction = percent(10) }  -- pris x 10 % x betyg / 5
added_value "Genomförande"   { max = 5, deduction = percent(45) }  -- pris x 45 % x betyg / 5
