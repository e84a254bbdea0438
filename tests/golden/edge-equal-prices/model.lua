-- Edge case: all prices equal under the min-max formula.
-- research/domain-models.md §4 item 5 and §2.7: min-max divides by P_max - P_min = 0;
-- Consip gives full marks. Consip: https://wiki.acquistinretepa.it/index.php?diff=next&oldid=9585&title=Lineare_tra_i_Valori_Minimo_e_Massimo_Interdipendente
-- Provenance: [constructed].
model {
  id = "edge-equal-prices",
  title = "Lika priser, min-max-pris",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 30 }
price "Pris" { max = 70, formula = min_max }   -- 70 x (P_max - P) / (P_max - P_min)
