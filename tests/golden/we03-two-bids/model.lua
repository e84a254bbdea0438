-- WE-03 Rank reversal from adding an irrelevant bid: the two-bid scenario.
-- research/domain-models.md §5 WE-03 (pitfall §2.7.1, property check §4.1).
-- Provenance: [constructed]. Model as WE-01: quality points (max 130) + 70 x P_min / P.
-- Compare with ../we03-three-bids: adding the losing bid C flips A and B.
model {
  id = "we03-rank-reversal",
  title = "Rangordningsbyte: två anbud",
  basis = "points",
  currency = "SEK", lang = "sv",
  rounding = { total = 3, mode = "half_up" },   -- totals shown with 3 decimals
}

criterion "Kvalitet" { max = 130 }
price "Pris" { max = 70, formula = lowest_ratio }   -- 70 x lägsta pris / pris
