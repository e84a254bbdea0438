-- A comparison price below zero: bid B's deductions for added values exceed its price.
-- The comparison-price model (mervärdesmodell) is J = P - sum of deductions (Lindbäck,
-- Metodhandboken del 12; research/domain-models.md §2.4, whose pitfall is exactly this:
-- "J can become <= 0 if deductions exceed the price"). The negative price ranks as the
-- formula says (lowest wins), and a warning names the bid. [constructed]
model {
  id = "edge-negative-comparison-price",
  title = "Konsult: avdrag större än priset",
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
