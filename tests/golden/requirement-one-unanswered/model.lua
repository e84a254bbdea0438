-- One bid leaves a mandatory requirement unanswered while the other answers it: that
-- bid is excluded with the reason, the other is evaluated alone. research/domain-models.md
-- §3.3 (ska-krav). [constructed]
model {
  id = "requirement-one-unanswered", title = "Ett obesvarat krav",
  basis = "points", currency = "SEK", lang = "sv",
}
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 10 miljoner kronor" }
criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = lowest_ratio }
