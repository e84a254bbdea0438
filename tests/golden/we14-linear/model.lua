-- WE-14 Linear price points from the lowest price (DFØ "lineær modell").
-- Source: DFØ, "Regne om pris til poeng": https://anskaffelser.no/veileder-i-evaluering-av-tilbud/regne-om-pris-til-poeng
-- research/domain-models.md §5 WE-14 (formula §2.7): points = 10 - 10 x (P - P_min) / P_min.
-- Provenance: [formulas published; numbers constructed]. No quality criterion.
-- Negative points are kept (DFØ, citing KOFA 2015/60: not unlawful in themselves).
model {
  id = "we14-linear",
  title = "Linear price points (DFØ)",
  basis = "points",
  currency = "NOK", lang = "en",
}

price "Price" { max = 10, formula = linear_from_lowest }
