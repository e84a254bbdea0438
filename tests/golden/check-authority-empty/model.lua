-- The contracting authority heads the award decision and the report: an empty or
-- blank name is a model error naming the model's line, not a document without a buyer. [constructed]
-- The model { } declaration is on line 4.
model { id = "check-authority-empty", title = "Tom myndighet", basis = "points", authority = "   " }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
