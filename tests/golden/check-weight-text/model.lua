-- A weight written as text that is not a number or a percentage: the one-line model
-- error shows the example percentage as "20 %", not the format string's "20 %%". [constructed]
model { id = "check-weight-text", title = "Weight as text", basis = "points", lang = "en" }
criterion "Quality" { weight = "sixty", max = 40 }
price "Price" { weight = 0.4, max = 60, formula = lowest_ratio }
