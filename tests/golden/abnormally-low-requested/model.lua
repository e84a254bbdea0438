-- Abnormally low price with the explanation requested (status "begärd"/"requested"):
-- the bid is flagged, stays in the evaluation with its price, and the evaluation is
-- not final until the explanation is accepted or the bid rejected (exit 1). The flag
-- here comes from the second rule only, exactly at its boundary: the price is exactly
-- 30 % below the next higher price ("that far or farther below").
-- research/domain-models.md §3.4, research/peers.md §1.4 (ProZorro's rule), LOU 16 kap.
-- 7 §. Provenance: [constructed], computed by hand in calc.md. Compare
-- ../edge-abnormally-low-open (no status written), -accepted and -rejected.
model {
  id = "abnormally-low-requested", title = "Onormalt lågt pris: förklaring begärd",
  basis = "points", currency = "SEK", lang = "sv",
  abnormally_low = { below_mean = "40 %", below_next = "30 %" },
}
price "Pris" { max = 100, formula = lowest_ratio }   -- 100 x lägsta / pris
