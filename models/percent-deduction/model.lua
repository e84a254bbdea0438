-- Procentuellt avdrag: varje kvalitetskriterium drar en andel av anbudets eget pris.
-- Formel: avdrag = vikt x pris x betyg / 5; jämförelsepris J = pris - summan av avdragen.
-- Källa: Jan Ottander, "Bedömnings- och utvärderingsmetoder inom uppdragsarkeologin",
--   Riksantikvarieämbetet 2012, s. 93 ("ny viktning 1"):
--   https://yumpu.com/sv/document/view/20398818/bedomnings-och-utvarderingsmetoder-inom-uppdragsarkeologin-/93
--   research/domain-models.md §2.5, §3.7 och §5 WE-06 (b). Siffrorna är fallets.
-- Avrundning som i källan: avdragen exakta, jämförelsepriset till hela kronor.
-- Fallgrop: procentuellt avdrag gynnar dyra anbud (e-Avrop, §2.5 och WE-08).
model {
  id = "procentuellt-avdrag",
  title = "Arkeologisk undersökning: procentuellt avdrag",
  basis = "comparison_price",             -- lägsta jämförelsepris vinner
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}

price "Pris" { text = "Anbudspris för uppdraget, kr" }

-- betyg 0-5; vid betyg 5 dras hela andelen
added_value "Komp. personal" { max = 5, deduction = percent(20), text = "Personalens kompetens" }
added_value "Komp. företag"  { max = 5, deduction = percent(10), text = "Företagets kompetens" }
added_value "Genomförande"   { max = 5, deduction = percent(45), text = "Förslag till genomförande" }
