-- A criterion's minimum above its maximum ("120 %" of 60 = 72 > 60) excludes every bid:
-- `check` gives an error naming the criterion's line. research/domain-models.md §2.12.
-- [constructed]
model { id = "check-criterion-min-above-max", title = "Unreachable minimum", basis = "points", lang = "en" }
criterion "Method"       { max = 60, min = "120 %" }
criterion "Organisation" { max = 40 }
price "Price" { max = 50, formula = lowest_ratio }
