-- WE-02 "Goldilocks": 50/50 weights, relative price (lowest / price).
-- Source: Hector Denfield, "Goldilocks and the three problems", Scenario 1:
--   https://www.localgovernmentlawyer.co.uk/procurement-and-contracts/308-procurement-features/39482-goldilocks-and-the-three-problems-issues-with-the-most-common-tender-evaluation-method
-- research/domain-models.md §5 WE-02 (formula §2.7).
-- Provenance: [inputs published; totals computed from published inputs]. The article's
-- formula image was not retrievable; F1 = 50 x P_min / P is assumed (the article calls
-- it the most common formula).
-- The tie-break rule "quality" is [constructed]: the article only shows the A-C tie.
model {
  id = "we02-goldilocks",
  title = "Goldilocks scenario 1 (50 % quality, 50 % relative price)",
  basis = "points",
  currency = "GBP", lang = "en",
  tiebreak = { "quality" },
}

criterion "Quality" { weight = 0.5, max = 100 }                   -- 0.5 x Q
price "Price" { weight = 0.5, max = 100, formula = lowest_ratio }  -- 0.5 x 100 x P_min / P
