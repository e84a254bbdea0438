-- Three lots, a cap of one lot per supplier, and a tie-break chain of quality only:
-- an unresolved tie in the first lot awarded (Syd) holds up the lots after it,
-- since who is at the cap depends on it. Väst receives no bids.
-- Kvalitet is shared; Lokalkännedom is Norr's own, Miljö belongs to Syd and Väst.
model {
  id = "lokalvard-lika-anbud", title = "Lokalvård i tre delområden",
  basis = "points", lang = "sv",
  rounding = { total = 2 },
  tiebreak = { "quality" },
  award = { cap = 1, order = "value" },
}
lot "Norr" { text = "Norra distriktet", value = 3000000 }
lot "Syd"  { text = "Södra distriktet", value = 5000000 }
lot "Väst" { text = "Västra distriktet", value = 2000000 }

price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 30 }
criterion "Lokalkännedom" { max = 10, lot = "Norr" }
criterion "Miljö" { max = 10, lot = { "Syd", "Väst" } }
