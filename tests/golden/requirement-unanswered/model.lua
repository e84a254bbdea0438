-- A model with a mandatory requirement run without any answer to it: that is a missing
-- input, not an evaluation in which every bid failed. Input error (exit 4) naming the
-- requirement; no output is written. research/domain-models.md §3.3. [constructed]
model {
  id = "requirement-unanswered", title = "Krav utan svar",
  basis = "points", currency = "SEK", lang = "sv",
}
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }
criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = lowest_ratio }
