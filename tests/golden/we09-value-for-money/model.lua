-- WE-09 Q/P ratio (Kiiver & Kodym), as extended by van Loon 2021.
-- Source: P. van Loon, "Q/P-metoden – ett strategiskt verktyg vid offentlig upphandling?",
--   Högskolan i Gävle 2021, table in §5.4: https://5dok.org/article/flera-kvalitetsaspekter-av-varierande-typer.yj7me8p5
--   method: https://5dok.org/article/en-teknisk-och-formell-beskrivning-av-q-metoden.yj7me8p5
-- research/domain-models.md §5 WE-09 (formula §2.9). Provenance: [published, recomputed].
-- Q = Q_basic + Q_add1 + Q_add2 + Q_add3; ranked by Q / P x 1000, shown with 2 decimals.
-- The maxima of the additional aspects are [constructed] (the table gives only the
-- points awarded; the reference model has 80 base points).
model {
  id = "we09-qp",
  title = "Q/P method (industrial dishwasher example)",
  basis = "ratio",
  total = value_for_money { per = 1000 },   -- Q / P x 1000
  currency = "EUR", lang = "en",
  rounding = { total = 2, mode = "half_up" },
}

price "Price" { text = "Bid price, EUR" }
criterion "Q_basic" { max = 80 }
criterion "Q_add1"  { max = 20 }
criterion "Q_add2"  { max = 25 }
criterion "Q_add3"  { max = 5 }
