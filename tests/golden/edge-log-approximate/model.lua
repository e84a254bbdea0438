-- Logarithmic price points (Negometrix): max × (1 − ln(price / lowest) / ln A).
-- Not rational: computed in double precision and marked approximate.
-- Source: research/domain-models.md §2.7. Provenance: [constructed].
model { id = "edge-log-approximate", title = "Log price points", basis = "points" }
price "Pris" { max = 10, formula = log_ratio { A = 2 } }
