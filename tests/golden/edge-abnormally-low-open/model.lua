-- Abnormally low prices (onormalt låga anbud, LOU 16 kap. 7 §): a price 40 % or more
-- below the mean of the other bids' prices, or 30 % or more below the next higher
-- price, is flagged (ProZorro's rule, research/peers.md §1.4); the status of the query
-- comes from the bids file. Source: research/domain-models.md §3.4. [constructed]
model {
  id = "edge-abnormally-low", title = "Onormalt lågt pris", basis = "points",
  abnormally_low = { below_mean = "40 %", below_next = "30 %" },
}
price "Pris" { max = 100, formula = lowest_ratio }
