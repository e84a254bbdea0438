-- Mervärdesmodell: fast kronavdrag per kvalitetsnivå (absolut modell).
-- Formel: jämförelsetal J = timpris - avdrag(kompetensnivå); lägst J vinner.
-- Källa: Mats Lindbäck, Metodhandboken del 12 "Monetära modeller",
--   https://inkopsradet.se/del-12-monetara-modeller (nivå 4 = 800 kr ... nivå 0 = 0 kr);
--   research/domain-models.md §2.4 och §5 WE-05. Anbud A är Lindbäcks exempel; B och C
--   är konstruerade.
-- Absolut: varje anbud värderas för sig, oberoende av de andra anbuden. Avdragen ska
-- motsvara vad ni verkligen är beredda att betala extra för kvaliteten.
model {
  id = "mervardesmodell",
  title = "Konsult: timpris med avdrag för kompetens",
  basis = "comparison_price",             -- lägsta jämförelsetal vinner
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}

price "Timpris" { text = "Timpris, kr per timme exklusive moms" }

scale "Kompetensnivå" {
  { "Nivå 0", 0, "Uppfyller endast ska-kraven" },
  { "Nivå 1", 1, "Ett års erfarenhet utöver kravet" },
  { "Nivå 2", 2, "Två års erfarenhet utöver kravet" },
  { "Nivå 3", 3, "Tre års erfarenhet utöver kravet" },
  { "Nivå 4", 4, "Fyra års erfarenhet eller mer utöver kravet" },
}

added_value "Kompetens" {
  text = "Konsultens erfarenhet utöver ska-kravet",
  scale = "Kompetensnivå", panel = "consensus",
  deduction = { 0, 200, 400, 600, 800 },  -- kr av timpriset per nivå (Lindbäck)
}
