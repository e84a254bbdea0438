-- Negometrix utility index: U = [(1 − (Q_best − Q)·N) / P] · P_best,
-- Q the quality share in [0, 1], N = quality weight / price weight.
-- Source: research/domain-models.md §2.9 (Negometrix "Utility index").
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "edge-utility-index", title = "Utility index, 60/40", basis = "ratio",
  total = utility_index { quality_weight = 60, price_weight = 40 },
}
price "Pris" { }
criterion "Kvalitet" { max = 10 }
