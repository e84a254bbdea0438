-- Relative value cost (Australia, LGP, "Methods of evaluating price in tenders,
-- part 4"): SI = (q + q_max) / (q_lowest + q_max), RVC = price / SI, and "the
-- tender with the lowest Relative Value Cost is the highest ranking".
-- Source: research/domain-models.md §2.9. Provenance: [constructed] (the
-- figures of issue 10), computed by hand in calc.md.
model {
  id = "rvc-lowest-quality", title = "Relative value cost, three bids, the lowest quality is not the lowest price", basis = "ratio",
  total = relative_value_cost, currency = "AUD", lang = "en",
}
price "Price" { }
criterion "Quality" { max = 100 }
