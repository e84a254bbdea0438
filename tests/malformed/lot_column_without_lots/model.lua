-- WE-01 Relative lowest-price ratio ("low bid scoring").
-- Source: Negometrix, "Low bid scoring formula", example table:
--   https://support-us.negometrix.com/support/solutions/articles/44001761046-low-bid-scoring-formula
-- research/domain-models.md §5 WE-01 (formula §2.7). Provenance: [published, recomputed].
-- Total = experience + QA + time + 70 x lowest price / price (maximum 200 points).
model {
  id = "we01-negometrix",
  title = "Low bid scoring (Negometrix example)",
  basis = "points",
  currency = "USD", lang = "en",
}

criterion "Experience" { max = 60 }
criterion "QA"         { max = 40 }
criterion "Time"       { max = 30 }
price "Price" { max = 70, formula = lowest_ratio }   -- 70 x P_min / P
