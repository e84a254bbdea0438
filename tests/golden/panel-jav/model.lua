-- An evaluator who has a conflict of interest (jäv) for one bid stands aside for it:
-- a score row whose score is "jäv", with the reason as its justification. The mean for
-- that bid is taken over the other evaluators; the other bid keeps the whole panel.
-- förvaltningslagen (2017:900) 16-17 §§; README "Panels and jäv". [constructed]
model {
  id = "panel-jav", title = "Jäv i bedömargruppen",
  basis = "points", currency = "SEK", lang = "sv",
}
criterion "Kvalitet" { max = 40 }                   -- mean of the evaluators' scores
price "Pris" { max = 60, formula = lowest_ratio }   -- 60 x lägsta pris / pris
