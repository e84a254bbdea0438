-- Varukorg: lägsta pris för en korg med uppskattade volymer.
-- Formel: utvärderingspris = summan av volym x styckpris; lägst vinner.
-- Källa: DFØ, "Lavest pris eller lavest kostnad", exemplet "kjøp av matvarer" (kr 75 280,00):
--   https://anskaffelser.no/veileder-i-evaluering-av-tilbud/lavest-pris-eller-lavest-kostnad
--   research/domain-models.md §2.1, §3.9 och §5 WE-13. Volymer och anbud A är DFØ:s
--   (i norska kronor där); anbud B är konstruerat.
-- Fallgrop: volymerna måste vara realistiska (verklig förbrukning); annars lönar sig
-- taktisk prissättning på rader med fel volym (§3.9, Kammarrätten i Sundsvall 2024).
model {
  id = "varukorg",
  title = "Livsmedel: varukorg",
  basis = "comparison_price",             -- lägsta korgpris vinner
  currency = "SEK", lang = "sv",
  rounding = { money = 2, mode = "half_up" },
  tiebreak = { "price", "lottery" },
}

price "Varukorg" {
  basket = {
    { id = "mjolk", text = "Lättmjölk, 1 liter",          quantity = 1500 },
    { id = "mjol",  text = "Vetemjöl, 1 kg",              quantity = 50 },
    { id = "kaffe", text = "Bryggkaffe, 250 g",           quantity = 1200 },
    { id = "smor",  text = "Smör, 500 g",                 quantity = 540 },
  },
}
