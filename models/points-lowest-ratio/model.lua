-- Viktade poäng med relativ prispoäng (lägsta pris / pris).
-- Formel: totalpoäng = kvalitetspoäng + 70 x lägsta pris / anbudets pris.
-- Källa: Negometrix "Low bid scoring formula" (exempeltabell),
--   https://support-us.negometrix.com/support/solutions/articles/44001761046-low-bid-scoring-formula ;
--   research/domain-models.md §2.7 och §5 WE-01. Siffrorna i bids.csv/scores.csv är exemplets.
-- Fallgrop: relativ modell. Ett anbud som själv förlorar kan ändra ordningen mellan två
-- andra (rangordningsbyte, §2.7 punkt 1 och WE-03). Pris 0 går inte att poängsätta.
model {
  id = "poang-lagsta-pris",
  title = "Konsulttjänst: kvalitetspoäng och relativ prispoäng",
  basis = "points",                       -- högsta totalpoäng vinner
  currency = "SEK", lang = "sv",
  rounding = { total = 2, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}

criterion "Erfarenhet"       { max = 60, text = "Uppdragsansvarigs erfarenhet av liknande uppdrag" }
criterion "Kvalitetssäkring" { max = 40, text = "Rutiner för kvalitetssäkring" }
criterion "Tidplan"          { max = 30, text = "Tidplanens realism" }
price "Pris" { max = 70, formula = lowest_ratio }   -- 70 x lägsta pris / pris
