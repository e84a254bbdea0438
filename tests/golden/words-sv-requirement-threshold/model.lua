-- The evaluation's words in the model's language: a Swedish model whose bids fail a
-- mandatory requirement, a qualification requirement on the supplier and a minimum
-- score on one criterion; every reason is in Swedish (stages stay codes in JSON).
-- words-en-requirement-threshold runs the same model and inputs with --lang en.
-- research/domain-models.md §3.3 (ska-krav before relative scores), §2.12 (thresholds).
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "words-sv-requirement-threshold", title = "Skäl på utvärderingens språk",
  basis = "points", currency = "SEK", lang = "sv",
  threshold = "60 %",                       -- of the highest possible quality, 0.4 x 10 = 4
}
requirement "Referenser" { text = "Minst tre referensuppdrag av motsvarande omfattning" }
requirement "F-skatt"    { text = "Anbudsgivaren är godkänd för F-skatt", supplier = true }
criterion "Kvalitet" { weight = 0.4, max = 10, min = 5 }            -- under 5 utesluts
price "Pris" { weight = 0.6, max = 10, formula = lowest_ratio }      -- 10 x lägsta / pris
