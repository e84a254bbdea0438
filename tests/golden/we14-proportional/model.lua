-- WE-14 Proportional price points (DFØ "forholdsmessig modell").
-- Source: DFØ, "Regne om pris til poeng": https://anskaffelser.no/veileder-i-evaluering-av-tilbud/regne-om-pris-til-poeng
-- research/domain-models.md §5 WE-14 (formula §2.7): points = 10 x P_min / P.
-- Provenance: [formulas published; numbers constructed]. No quality criterion.
model {
  id = "we14-proportional",
  title = "Proportional price points (DFØ)",
  basis = "points",
  currency = "NOK", lang = "en",
  rounding = { total = 3, mode = "half_up" },
}

price "Price" { max = 10, formula = lowest_ratio }
