-- Edge case: a single valid bid under a relative (min-max) price formula.
-- research/domain-models.md §4 item 5 (degenerate inputs) and §2.7 (min-max):
-- "If all bids are equal, or there is only one bid, give full marks (Consip rule)."
-- Consip: https://wiki.acquistinretepa.it/index.php?diff=next&oldid=9585&title=Lineare_tra_i_Valori_Minimo_e_Massimo_Interdipendente
-- Provenance: [constructed].
model {
  id = "edge-one-bid",
  title = "Ett anbud, min-max-pris",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = min_max }   -- 70 x (P_max - P) / (P_max - P_min)
