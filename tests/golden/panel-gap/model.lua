-- A panel with a gap: Olle scored "Metod" for bid A but gave no score for bid B.
-- Taking B's mean over fewer evaluators would treat the bidders unequally (LOU 4 kap.
-- 1 §), so it is an input error (exit 4) naming the evaluator, the bid and the
-- criterion. README "Panels and jäv". [constructed]
model { id = "panel-gap", title = "Panel with a gap", basis = "points", lang = "en" }
criterion "Metod" { max = 10 }
price "Pris" { max = 10, formula = lowest_ratio }
