-- Edge case: a bid priced 0 under the lowest-price ratio (P_min / P is undefined).
-- research/domain-models.md §4 item 5 ("P_i = 0: ratio models are undefined") and
-- §2.9 (Lindbäck: "Anbudspriset får inte vara lika med noll kronor").
-- Provenance: [constructed]. Expected: an error (exit 3) naming the bid "Gratis" and
-- the line of the price declaration (line 15), not a score.
model {
  id = "edge-zero-price",
  title = "Nollpris med relativ prispoäng",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 30 }

price "Pris" { max = 70, formula = lowest_ratio }
