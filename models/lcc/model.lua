-- Livscykelkostnad (LCC): lägsta kostnad i nuvärde över kalkylperioden.
-- Formel: LCC = I + summa (årliga kostnader) / (1+r)^t för t = 1..T - R / (1+r)^T.
-- Källa: Energihandboken, https://www.energihandbok.se/formler-och-berakningar/livscykelkostnad ;
--   Upphandlingsmyndighetens LCC-verktyg; research/domain-models.md §2.2 och §5 WE-12
--   (DFØ:s traktorexempel, https://anskaffelser.no/veileder-i-evaluering-av-tilbud/lavest-pris-eller-lavest-kostnad).
--   Anbuden är konstruerade.
-- Kalkylränta, period och andra interna parametrar bestäms av den upphandlande
-- myndigheten och står i upphandlingsdokumenten; anbudsgivaren lämnar bara sina siffror.
model {
  id = "lcc-traktor",
  title = "Traktor: livscykelkostnad över 10 år",
  basis = "comparison_price",             -- lägsta LCC vinner
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_up" },
  tiebreak = { "price", "lottery" },
}

price "LCC" {
  method = lcc {
    purchase = "inkop",                   -- I: inköpspris, år 0
    yearly   = { "service", "drivmedel" },-- kronor per år, år 1-10
    years    = 10,                        -- T: kalkylperiod
    rate     = 0.04,                      -- r: real kalkylränta 4 %
    residual = "restvarde",               -- R: restvärde efter år 10
  },
}
