-- A bid that fails a mandatory requirement (ska-krav) has the lowest price. It is
-- excluded before the relative price points, so the others' points are computed
-- against the lowest price among the bids that remain; had it stayed in, the winner
-- between the two valid bids would flip.
-- research/domain-models.md §3.3 (ska-krav: a failed bid must not influence relative
-- scores), §2.7 (lowest_ratio, pitfall 2.7.1) and §4 item 6 (exclusion order).
-- Provenance: [constructed], computed by hand in calc.md.
model {
  id = "excluded-changes-relative", title = "Ska-krav före relativ prispoäng",
  basis = "points", currency = "SEK", lang = "sv",
}
requirement "Referenser" { text = "Minst tre referensuppdrag av motsvarande omfattning" }
requirement "Försäkring" { text = "Ansvarsförsäkring om minst 5 miljoner kronor" }
criterion "Kvalitet" { weight = 0.4, max = 10 }
price "Pris" { weight = 0.6, max = 10, formula = lowest_ratio }   -- 10 x lägsta / pris
