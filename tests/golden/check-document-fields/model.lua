-- The documents' heading as check prints it: the object in more words (description),
-- the authority, the reference number (diarienummer) and the estimated contract value,
-- written as text of an exact decimal ("4500000.50" is 4 500 000,50 kr, printed exactly
-- as 4500000.5). [constructed]
model {
  id = "check-document-fields", title = "Bygg- och anläggningsentreprenad",
  description = "Om- och tillbyggnad av Vallviks skola, etapp 2",
  authority = "Tekniska nämnden i Exempelstad", reference = "TN 2026/0017",
  contract_value = "4500000.50",
  basis = "points",
}
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
