-- WE-13 Price basket (varukorg / handlekurv), DFØ grocery example.
-- Source: DFØ, "Lavest pris eller lavest kostnad", "Eksempel – kjøp av matvarer":
--   https://anskaffelser.no/veileder-i-evaluering-av-tilbud/lavest-pris-eller-lavest-kostnad
-- research/domain-models.md §5 WE-13 (baskets §2.1, §3.9). Provenance: bid A [published];
-- bid B [constructed]. Evaluated price = sum of quantity x unit price; lowest wins.
model {
  id = "we13-basket",
  title = "Kjøp av matvarer: handlekurv",
  basis = "comparison_price",
  currency = "NOK", lang = "en",
  rounding = { money = 2, mode = "half_up" },   -- kroner og øre
}

price "Handlekurv" {
  basket = {
    { id = "melk",  text = "1 kartong lettmelk, 1 liter",      quantity = 1500 },
    { id = "mel",   text = "1 pakke hvetemel, 1 kg",           quantity = 50 },
    { id = "kaffe", text = "1 pakke filtermalt kaffe, 250 g",  quantity = 1200 },
    { id = "smor",  text = "1 pakke smør, 500 g",              quantity = 540 },
  },
}
