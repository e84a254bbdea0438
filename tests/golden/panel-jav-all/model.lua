-- Every evaluator stands aside (jäv) for bid A on "Kvalitet": no one is left to score
-- it, so the criterion cannot be evaluated for A: an input error (exit 4) naming the
-- bid and the criterion. A panel is never emptied in silence.
-- förvaltningslagen (2017:900) 16-17 §§; README "Panels and jäv". [constructed]
model {
  id = "panel-jav-all", title = "Jäv i bedömargruppen",
  basis = "points", currency = "SEK", lang = "sv",
}
criterion "Kvalitet" { max = 40 }                   -- mean of the evaluators' scores
price "Pris" { max = 60, formula = lowest_ratio }   -- 60 x lägsta pris / pris
