-- Malformed-input case duplicate_requirement_answer: two answers for one bid and requirement.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
requirement "Livsmedel" { text = "Registrerad livsmedelsanläggning" }
