-- An overall quality threshold given in points (threshold = 70) in an unweighted model
-- whose quality criteria give at most 100 points. A bid at 69.5 is excluded, and the
-- reason says so in the model's own terms: 69.5 of 100 possible points, below 70.
-- research/domain-models.md §2.12 (minimum quality thresholds). [constructed]
model {
  id = "threshold-points-en", title = "Points threshold", basis = "points",
  currency = "EUR", lang = "en",
  threshold = 70,
}
criterion "Method"       { max = 60 }
criterion "Organisation" { max = 40 }
price "Price" { max = 50, formula = lowest_ratio }
