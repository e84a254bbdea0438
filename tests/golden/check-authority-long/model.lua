-- An authority of 204 bytes, over the limit of 200 for names (README "Limits"). [constructed]
-- The model { } declaration is on line 3.
model { id = "check-authority-long", title = "Lång myndighet", basis = "points", authority = "KommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommunKommun" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
