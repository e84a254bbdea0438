-- Two lots where the same two bids tie exactly in both, and the last rule is a
-- lottery: each lot draws with its own seed (the run's seed followed by "/" and
-- the lot's name), so the outcome of one lot does not decide the other. [constructed]
model {
  id = "lottning-i-varje-delomrade", title = "Lottning per delområde",
  basis = "points", lang = "sv",
  tiebreak = { "quality", "lottery" },
}
lot "Norr" { text = "Norra distriktet" }
lot "Syd"  { text = "Södra distriktet" }
price "Pris" { max = 70, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
