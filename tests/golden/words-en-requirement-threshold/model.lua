-- The evaluation's words in the output language: the Swedish model and inputs of
-- words-sv-requirement-threshold, evaluated with --lang en (the file args): the same
-- figures and stages, every reason in English, as the English workbook beside them.
-- research/domain-models.md §3.3 (ska-krav before relative scores), §2.12 (thresholds).
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "words-en-requirement-threshold", title = "Skäl på utvärderingens språk",
  basis = "points", currency = "SEK", lang = "sv",
  threshold = "60 %",                       -- of the highest possible quality, 0.4 x 10 = 4
}
requirement "Referenser" { text = "Minst tre referensuppdrag av motsvarande omfattning" }
requirement "F-skatt"    { text = "Anbudsgivaren är godkänd för F-skatt", supplier = true }
criterion "Kvalitet" { weight = 0.4, max = 10, min = 5 }            -- under 5 utesluts
price "Pris" { weight = 0.6, max = 10, formula = lowest_ratio }      -- 10 x lägsta / pris
