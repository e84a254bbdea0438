-- Three lots (delområden) of cleaning services, a cap of one lot per
-- supplier, awarded largest lot first (LOU 4 kap. 15 §: the order must be
-- stated in advance). Kvalitet is shared by every lot; Lokalkännedom is
-- Norr's own, Miljö belongs to Syd and Väst.
model {
  id = "lokalvard-tre-delomraden", title = "Lokalvård i tre delområden",
  basis = "points", lang = "sv",
  rounding = { total = 2 },
  tiebreak = { "quality", "price", "lottery" },
  award = { cap = 1, order = "value" },
}
lot "Norr" { text = "Norra distriktet", value = 3000000 }
lot "Syd"  { text = "Södra distriktet", value = 5000000 }
lot "Väst" { text = "Västra distriktet", value = 2000000 }

price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
criterion "Lokalkännedom" { max = 10, lot = "Norr" }
criterion "Miljö" { max = 10, lot = { "Syd", "Väst" } }
