-- Edge case: a mandatory requirement (ska-krav) excludes the cheapest bid.
-- research/domain-models.md §3.3 (qualification and ska-krav: "the engine must not let
-- a failed bid influence relative scores") and §4 item 6 (exclusion order).
-- Provenance: [constructed]. If C counted, B would win; without it, A wins.
model {
  id = "edge-requirement",
  title = "Lokalvård: ska-krav före relativ prispoäng",
  basis = "points",
  currency = "SEK", lang = "sv",
}

requirement "F-skatt"   { text = "Anbudsgivaren är godkänd för F-skatt", supplier = true }
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }

criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = lowest_ratio }   -- 70 x lägsta pris / pris
