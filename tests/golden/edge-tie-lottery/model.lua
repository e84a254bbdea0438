-- Edge case: an exact tie broken only by a lottery (lottning).
-- Data and model as WE-02 (Goldilocks scenario 1, research/domain-models.md §5 WE-02):
--   https://www.localgovernmentlawyer.co.uk/procurement-and-contracts/308-procurement-features/39482-goldilocks-and-the-three-problems-issues-with-the-most-common-tender-evaluation-method
-- Lottery as last resort: RÅ 2009:60 and UHM (research/domain-models.md §3.6).
-- Provenance: [inputs published; tie-break constructed]. The draw's order cannot be
-- known by hand: the expected result only fixes that A and C hold ranks 1 and 2.
model {
  id = "edge-tie-lottery",
  title = "Goldilocks scenario 1, tie broken by lottery",
  basis = "points",
  currency = "GBP", lang = "en",
  tiebreak = { "lottery" },
}

criterion "Quality" { weight = 0.5, max = 100 }
price "Price" { weight = 0.5, max = 100, formula = lowest_ratio }
