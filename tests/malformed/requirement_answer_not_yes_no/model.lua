-- Malformed-input case requirement_answer_not_yes_no: an answer that is neither ja nor nej.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
requirement "Livsmedel" { text = "Registrerad livsmedelsanläggning" }
