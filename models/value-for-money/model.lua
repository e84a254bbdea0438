-- Kvotmodell "värde för pengarna": kvalitetspoäng per krona (Q/P).
-- Formel: resultat = Q / P x 1000, Q = baspoäng + tilläggspoäng; högst vinner.
-- Källa: Kiiver & Kodym (Q/P-metoden) i P. van Loon 2021, tabell i avsnitt 5.4:
--   https://5dok.org/article/flera-kvalitetsaspekter-av-varierande-typer.yj7me8p5 ;
--   Lindbäck, Metodhandboken del 13 "Värde för pengarna": https://inkopsradet.se/del-13-varde-for-pengarna
--   research/domain-models.md §2.9 och §5 WE-09. Poäng och priser är exemplets;
--   tilläggens maxpoäng är konstruerade.
-- Fallgrop: kvoten är inte linjär i priset, och den beror på var skalans nollpunkt
-- ligger. Priset får inte vara 0.
model {
  id = "varde-for-pengarna",
  title = "Industridiskmaskin: kvalitet per euro (Q/P)",
  basis = "ratio",                        -- högsta kvot vinner
  total = value_for_money { per = 1000 }, -- Q / P x 1000
  currency = "EUR", lang = "sv",
  rounding = { total = 2, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}

price "Pris" { text = "Anbudspris, euro" }

criterion "Bas"      { max = 80, text = "Baspoäng: grundkraven (ljudnivå)" }
criterion "Tillägg1" { max = 20, text = "Tilläggspoäng, första kvalitetsaspekten" }
criterion "Tillägg2" { max = 25, text = "Tilläggspoäng, andra kvalitetsaspekten" }
criterion "Tillägg3" { max = 5,  text = "Tilläggspoäng, tredje kvalitetsaspekten" }
