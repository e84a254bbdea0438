-- WE-12 Lowest cost over the life cycle, undiscounted (DFØ tractor example).
-- Source: DFØ, "Lavest pris eller lavest kostnad", example "kjøp av traktor" (6 years):
--   https://anskaffelser.no/veileder-i-evaluering-av-tilbud/lavest-pris-eller-lavest-kostnad
-- research/domain-models.md §5 WE-12 (formula §2.2). Provenance: bid A [published inputs];
-- bid B [constructed] (cheaper to buy, dearer to run).
-- The source gives 6-year amounts, not yearly ones, and does not discount; each amount
-- is therefore a cost line with quantity 1, and the cost is their sum (undiscounted LCC).
model {
  id = "we12-lcc-undiscounted",
  title = "Kjøp av traktor: laveste kostnad over 6 år (udiskontert)",
  basis = "comparison_price",
  currency = "NOK", lang = "en",
}

price "Kostnad" {
  basket = {
    { id = "kjop",      text = "Kjøp av traktor",                 quantity = 1 },
    { id = "service",   text = "Serviceavtale inkl. deler, 6 år", quantity = 1 },
    { id = "drivstoff", text = "Drivstoff, 4000 timer driftstid", quantity = 1 },
  },
}
