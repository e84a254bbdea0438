-- WE-06 (a) Weighted points, Riksantikvarieämbetet case 1 (uppdragsarkeologi).
-- Source: Jan Ottander, "Bedömnings- och utvärderingsmetoder inom uppdragsarkeologin",
--   FoU-rapport, Riksantikvarieämbetet 2012, page 93:
--   https://yumpu.com/sv/document/view/20398818/bedomnings-och-utvarderingsmetoder-inom-uppdragsarkeologin-/93
--   (full text: https://raa.test.diva-portal.org/smash/get/diva2:3166/FULLTEXT02.txt)
-- research/domain-models.md §5 WE-06 (a), rounding practice §3.7. Provenance: [published, recomputed].
-- Marks 0-5; price mark = 5 x lowest / price rounded to 2 decimals before weighting;
-- totals shown with 3 decimals.
model {
  id = "we06a-ottander-points",
  title = "Uppdragsarkeologi, fall 1: viktade poäng",
  basis = "points",
  currency = "SEK", lang = "sv",
  rounding = { score = 2, total = 3, mode = "half_up" },
}

criterion "Komp. personal" { weight = 0.20, max = 5 }
criterion "Komp. företag"  { weight = 0.10, max = 5 }
criterion "Genomförande"   { weight = 0.45, max = 5 }
price "Kostnad" { weight = 0.25, max = 5, formula = lowest_ratio }   -- 5 x lägsta / pris
