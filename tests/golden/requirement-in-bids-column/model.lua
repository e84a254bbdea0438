-- Requirements answered in the bids file, in a column named like the requirement
-- (ja/nej), not in a requirements file. The JSON (and the workbook's Krav sheet) holds
-- every bid's answer with the cell it came from, met or not. research/domain-models.md
-- §3.3 (ska-krav). [constructed]
model {
  id = "requirement-in-bids-column", title = "Krav i anbudsfilen",
  basis = "points", currency = "SEK", lang = "sv",
}
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }
criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = lowest_ratio }
