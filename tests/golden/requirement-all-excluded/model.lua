-- Every bid fails a mandatory requirement: the evaluation has no bid left to award.
-- That is not a result to pass in silence: exit 1 (needs attention) with a warning,
-- and every bid keeps its reason. research/domain-models.md §3.3 (ska-krav). [constructed]
model {
  id = "requirement-all-excluded", title = "Alla anbud uteslutna",
  basis = "points", currency = "SEK", lang = "sv",
}
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }
criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = lowest_ratio }
