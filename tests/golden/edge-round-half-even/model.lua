-- Edge case: rounding mode half_even on comparison prices that end in exactly .5.
-- research/domain-models.md §3.7 (rounding practice: mode and precision declared per
-- model; Ottander rounds the comparison price half-up to whole kronor) and
-- DESIGN.md "Numbers" (half_up, half_even, truncate).
-- Provenance: [constructed]. Compare ../edge-round-half-up and ../edge-round-half-even:
-- the same bids, and only the mode differs.
model {
  id = "edge-round-half-even",
  title = "Avrundning till hela kronor, half_even",
  basis = "comparison_price",
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_even" },
  tiebreak = { "exact" },          -- lika avrundade jämförelsepris: det oavrundade avgör
}

price "Pris" { text = "Anbudspris, kr" }
