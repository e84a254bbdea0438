-- The documents' heading in the JSON's model section: the contracting authority, the
-- reference number (diarienummer) and the estimated contract value, the value exact as
-- every figure of the JSON (a decimal string). The evaluation is edge-one-bid's.
-- Provenance: [constructed].
model {
  id = "model-document-fields",
  title = "Ett anbud, min-max-pris",
  authority = "Tekniska nämnden i Exempelstad",
  reference = "TN 2026/0017",
  contract_value = "4500000.50",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = min_max }   -- 70 x (P_max - P) / (P_max - P_min)
