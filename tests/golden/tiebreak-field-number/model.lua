-- Tie-break on a declared number, the longer warranty first, compared exactly.
-- No lottery: a tie the rule leaves is reported. [constructed]
model {
  id = "tiebreak-field-number",
  title = "Lika poäng: längst garantitid först",
  basis = "points", lang = "sv",
  tiebreak = { { field = "Garanti", order = "descending" } },
}
field "Garanti" { text = "Garantitid i månader", number = true }
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
