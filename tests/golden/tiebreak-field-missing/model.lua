-- Tie-break on the time of submission (ProZorro's rule: the earlier bid first),
-- declared as a field of the bids. Times carry UTC offsets and are compared as
-- instants, not as text. [constructed]
model {
  id = "tiebreak-submission-time",
  title = "Lika poäng: tidigast inlämnat anbud först",
  basis = "points", lang = "sv",
  tiebreak = { "quality", { field = "Inlämnad", order = "earliest" }, "lottery" },
}
field "Inlämnad" { text = "Tidpunkt då anbudet lämnades in", datetime = true, required = false }
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
