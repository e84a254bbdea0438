-- The European Commission model (Kommissionsmodellen): quality is scored first; a bid
-- below 70 % of the maximum total quality, or below 50 % on any single criterion, is
-- excluded, and only then is price evaluated, relative to the lowest price among the
-- bids that remain. research/peers.md §3.5 (Tilbudsvælgeren, "Kommissionsmodellen":
-- "Bids below 70 % of the total points, or below 50 % on any single criterion, are
-- excluded, and only then is price evaluated"); research/domain-models.md §2.12
-- (minimum quality thresholds, CJEU C-546/16 Montte; an excluded bid must be removed
-- before relative price points are computed) and §4 item 6 (exclusion order).
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "threshold-commission", title = "Commission model: 70 % overall, 50 % per criterion",
  basis = "points", currency = "EUR", lang = "en",
  threshold = "70 %",                                -- of the maximum quality 40 + 30 + 30
}
criterion "Method"       { max = 40, min = "50 %" }   -- at least 20
criterion "Organisation" { max = 30, min = "50 %" }   -- at least 15
criterion "Environment"  { max = 30, min = "50 %" }   -- at least 15
price "Price" { max = 50, formula = lowest_ratio }    -- 50 x lowest remaining price / price
