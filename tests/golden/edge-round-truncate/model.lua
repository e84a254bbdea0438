-- Edge case: truncation, as in the Italian practice of printing an averaged coefficient
-- 1.1/3 = 0.3667 as 0.36 (research/domain-models.md §3.7).
-- Aggregative-compensatory method: total = sum of coefficient (0-1) x weight (§2.11);
-- price coefficient = lowest / price. Commissioners' coefficients are averaged (§3.1).
-- Provenance: [constructed] (the 1.1/3 -> 0.36 truncation is the published observation).
model {
  id = "edge-round-truncate",
  title = "Coefficients truncated to 2 decimals (Italian practice)",
  basis = "points",
  currency = "EUR", lang = "en",
  rounding = { score = 2, total = 3, mode = "truncate" },
}

criterion "Offerta tecnica" { weight = 0.7, max = 1 }                 -- mean of 3 commissari
price "Offerta economica" { weight = 0.3, max = 1, formula = lowest_ratio }
