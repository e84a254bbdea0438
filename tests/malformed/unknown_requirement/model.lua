-- Malformed-input case unknown_requirement: an answer to a requirement the model does not have.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
requirement "Livsmedel" { text = "Registrerad livsmedelsanläggning" }
