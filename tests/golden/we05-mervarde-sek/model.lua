-- WE-05 Mervärdesmodell: SEK deduction per competence level (Lindbäck, consultant).
-- Source: Mats Lindbäck, Metodhandboken del 12 "Monetära modeller":
--   https://inkopsradet.se/del-12-monetara-modeller
-- research/domain-models.md §5 WE-05 (formula §2.4: J = P - sum of deductions).
-- Provenance: [published]. Deduction table: level 4 -> 800, 3 -> 600, 2 -> 400,
-- 1 -> 200, 0 -> 0 SEK off the hourly price; range (omfång) 800.
model {
  id = "we05-lindback",
  title = "Konsult: timpris med avdrag för kompetens",
  basis = "comparison_price",
  currency = "SEK", lang = "sv",
}

price "Timpris" { text = "Timpris, kr per timme" }

scale "Kompetensnivå" { "Nivå 0", "Nivå 1", "Nivå 2", "Nivå 3", "Nivå 4" }

added_value "Kompetens" {
  text = "Konsultens kompetensnivå",
  scale = "Kompetensnivå", panel = "consensus",
  deduction = { 0, 200, 400, 600, 800 },   -- kr av timpriset, per nivå
}
