-- WE-04 UK Crown Commercial Service: "divide the cheapest quote by each supplier's quote".
-- Source: http://publicspendforumeurope.com/2016/05/17/evaluating-and-scoring-price-questionable-advice-from-crown-commercial-service/
-- research/domain-models.md §5 WE-04 (formula §2.7). Provenance: [published].
-- Price only: score = 1 x P_min / P, shown with 3 decimals as in the source.
model {
  id = "we04-ccs",
  title = "CCS price scoring: cheapest quote / quote",
  basis = "points",
  currency = "GBP", lang = "en",
  rounding = { total = 3, mode = "half_up" },
}

price "Price" { max = 1, formula = lowest_ratio }
