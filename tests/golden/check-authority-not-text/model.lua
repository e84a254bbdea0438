-- The authority is a name, not a number (an organisationsnummer written without quotes). [constructed]
--
-- The model { } declaration is on line 4.
model { id = "check-authority-not-text", title = "Myndighet som tal", basis = "points", authority = 2120002411 }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
