-- WE-18 Banded price points: the model HFD rejected (HFD mål 3566-21).
-- Source of the bands: https://inkopsradet.se/intervallutvarderingens-sista-suck
-- research/domain-models.md §5 WE-18, §2.8 (absolute models), §4 item 3 (monotonicity).
-- Provenance: [published bands; bids constructed]; the quality maximum 45 is [constructed].
-- 0-700 000 kr gives 55 points, 700 001-3 000 000 kr gives 35: a bid of 300 000 and one
-- of 650 000 get the same points, so at equal quality the cheaper bid is not ranked
-- higher. `anbud check` must reject this price mapping as not strictly decreasing.
model {
  id = "we18-banded",
  title = "Prisintervall (underkänd modell, HFD 3566-21)",
  basis = "points",
  currency = "SEK", lang = "sv",
}

criterion "Kvalitet" { max = 45 }

price "Pris" {
  max = 55,
  formula = function(price, c)
    if price <= 700000 then return 55          -- 0 - 700 000 kr
    elseif price <= 3000000 then return 35     -- 700 001 - 3 000 000 kr
    else return 0 end
  end,
}
