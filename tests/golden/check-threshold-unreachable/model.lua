-- An overall quality threshold above what any bid can reach (110 of at most 60 + 40 =
-- 100 points) excludes every bid: `check` gives an error on the model line, and
-- `evaluate` refuses the model. research/domain-models.md §2.12. [constructed]
model {
  id = "check-threshold-unreachable", title = "Unreachable threshold", basis = "points",
  lang = "en", threshold = 110,
}
criterion "Method"       { max = 60 }
criterion "Organisation" { max = 40 }
price "Price" { max = 50, formula = lowest_ratio }
