-- Malformed-input case answer_not_allowed: an answer outside the declared list.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
field "Leveransdagar" { answers = { "Alla dagar", "Vardagar" } }
