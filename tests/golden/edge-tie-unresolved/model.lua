-- Edge case: an exact tie and no tie-break rule declared.
-- Data and model as WE-02 (Goldilocks scenario 1, research/domain-models.md §5 WE-02):
--   https://www.localgovernmentlawyer.co.uk/procurement-and-contracts/308-procurement-features/39482-goldilocks-and-the-three-problems-issues-with-the-most-common-tender-evaluation-method
-- Provenance: [inputs published]. A and C tie at 75; with no rule the tie stays,
-- both rank 1, and `anbud evaluate` exits 1 ("needs attention").
model {
  id = "edge-tie-unresolved",
  title = "Goldilocks scenario 1, no tie-break declared",
  basis = "points",
  currency = "GBP", lang = "en",
}

criterion "Quality" { weight = 0.5, max = 100 }
price "Price" { weight = 0.5, max = 100, formula = lowest_ratio }
