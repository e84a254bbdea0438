-- WE-12 Life-cycle cost, discounted: present value over 10 years at 4 %.
-- Formula: LCC = I + sum_{t=1..T} (E + M + O) / (1+r)^t - R / (1+r)^T
--   (energihandbok.se, https://www.energihandbok.se/formler-och-berakningar/livscykelkostnad ;
--   annuity factor NSF = (1 - (1+r)^-T) / r); research/domain-models.md §2.2 and §5 WE-12.
-- Context: the DFØ tractor example, https://anskaffelser.no/veileder-i-evaluering-av-tilbud/lavest-pris-eller-lavest-kostnad
-- Provenance: [constructed] bids; NSF(4 %, 10) = 8.1109 is the figure in §5 WE-12.
model {
  id = "we12-lcc-discounted",
  title = "Kjøp av traktor: livssykluskostnad, 10 år, 4 % kalkylrente",
  basis = "comparison_price",
  currency = "NOK", lang = "en",
  rounding = { money = 0, mode = "half_up" },   -- the LCC is compared in whole kroner
}

price "LCC" {
  method = lcc {
    purchase = "kjop",                      -- I: purchase price, year 0
    yearly   = { "service", "drivstoff" },  -- per year, years 1..10
    years    = 10,
    rate     = 0.04,                        -- real discount rate (kalkylrente)
    residual = "restverdi",                 -- R: value at the end of year 10
  },
}
