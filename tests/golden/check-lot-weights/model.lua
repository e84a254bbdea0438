-- Weights must add up to 1 in every lot: Norr's own criterion makes Norr's
-- weights 0.6 + 0.3 + 0.1 = 1, but Syd has only the shared 0.6 + 0.3 = 0.9.
model { id = "vikter-per-delomrade", title = "Vikter per delområde", basis = "points" }
lot "Norr" { text = "Norra" }
lot "Syd" { text = "Södra" }
price "Pris" { weight = 0.6, max = 10, formula = lowest_ratio }
criterion "Kvalitet" { weight = 0.3, max = 10 }
criterion "Lokalkännedom" { weight = 0.1, max = 10, lot = "Norr" }
