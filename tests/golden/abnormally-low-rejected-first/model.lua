-- A rejected abnormally low bid leaves before the other prices are judged:
-- it counts in no other bid's mean (the evaluation is re-run without it,
-- research/domain-models.md §3.4). Rule: 30 % or more below the mean of the
-- other bids' prices. [constructed]
model {
  id = "abnormally-low-rejected-first", title = "Förkastat anbud räknas inte i medelpriset",
  basis = "points",
  abnormally_low = { below_mean = "30 %" },
}
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
