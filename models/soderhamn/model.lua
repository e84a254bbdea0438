-- Söderhamn: måltidstjänst med mervärden för äldre i Trönö/Norrala (2015).
--
-- RECONSTRUCTION. The real evaluation model was never published (research/domain-models.md
-- §1.2). Documented facts (§1.1): a pre-commercial procurement in Söderhamn (Vinnova
-- 2014-02949, Inköp Gävleborg, Innovationsupphandling X); a "ny utvärderingsmodell";
-- two real bids, one from two companies together; 30 people in Trönö/Norrala, food cooked
-- locally at Tempo in Vågbro and delivered daily by hemtjänsten for one year; added values
-- (mervärden) such as company and participation at meals and activities alongside them.
--   https://www.vinnova.se/p/forkommersiell-upphandling-av-en-maltidstjanst-i-soderhamn/
--   http://www.soderhamn.se/omsorgochstod/nyhetsarkivomsorgochstod/nyheteromsorgochstod/maltidermedmervardenforaldreitrononorrala.5.1113877a14dce5cc27b7af78.html
--   https://offentligaaffarer.se/ny-maltidslosning-ger-mervarden/
-- Reconstructed (inference, §1.3): a comparison price (jämförelsepris) = the yearly
-- portion cost less SEK deductions for added values judged by a jury in consensus on
-- the scale Inget / Något / Bra / Högt mervärde. The SEK amounts, quantities and the
-- requirements are plausible choices, not facts. Formula: mervärdesmodell, §2.4
-- (Lindbäck, https://inkopsradet.se/del-12-monetara-modeller).
-- Who buys, the reference and the value (for the award decision and the individual
-- report). The municipality is the buyer of the contract (§1.1; Inköp Gävleborg ran the
-- project). The reference number and the value are RECONSTRUCTED, not facts: no
-- diarienummer of the procurement is public (Vinnova's 2014-02949 is the grant's), and
-- the value is one year of the basket below at about 100 kr a day for 30 people
-- (2 x 30 x 365 portions, near both bids' basket totals of 1,0-1,1 Mkr).
model {
  id = "soderhamn-maltid",
  title = "Måltidstjänst med mervärden för äldre i Trönö/Norrala",
  authority = "Söderhamns kommun",
  reference = "KS 2015/0123",                 -- rekonstruerat diarienummer
  contract_value = 1100000,                   -- uppskattat kontraktsvärde, kr (rekonstruerat)
  basis = "comparison_price",              -- lägsta jämförelsepris vinner
  currency = "SEK", lang = "sv",
  rounding = { money = 0, mode = "half_up" },
  tiebreak = { "quality", "price", "lottery" },
}

-- Anbudsgivarens organisationsnummer; ett konsortium anger ett per bolag, med " + ".
field "Organisationsnummer" {
  pattern = [[^[0-9]{6}-[0-9]{4}$]], check = "luhn",
  text = "Organisationsnummer", confidential = true,
}

-- Ska-krav (pass/fail), prövas före utvärderingen.
requirement "Livsmedel" { text = "Köket är registrerad livsmedelsanläggning" }
requirement "F-skatt"   { text = "Anbudsgivaren är godkänd för F-skatt", supplier = true }

-- Pris: pris per portion x beräknad volym under ett år (30 personer, varje dag).
price "Pris" {
  basket = {
    { id = "lunch", text = "Lunch, lagad lokalt och levererad dagligen, kr per portion", quantity = 30 * 365 },
    { id = "kvall", text = "Kvällsmål, kr per portion",                                  quantity = 30 * 365 },
  },
}

-- Juryns skala (jfr "Inget mervärde, Något mervärde, Bra mervärde, Högt mervärde", §1.3).
scale "Mervärde" {
  { "Inget mervärde", 0, "Lösningen ger inget utöver kraven" },
  { "Något mervärde", 1, "Mervärdet är beskrivet men begränsat eller osäkert" },
  { "Bra mervärde",   2, "Mervärdet är tydligt, konkret och trovärdigt" },
  { "Högt mervärde",  3, "Mervärdet är tydligt, konkret, trovärdigt och når alla 30 brukare" },
}

-- Mervärden: kronor som dras från priset per nivå (rekonstruerade belopp).
added_value "Samvaro" {
  text = "Måltiden som social gemenskap: sällskap vid måltiden, att äta tillsammans",
  scale = "Mervärde", panel = "consensus",
  deduction = { 0, 40000, 80000, 120000 },
}
added_value "Delaktighet" {
  text = "Brukarnas delaktighet: önskemål om mat, meny och upplägg tas till vara",
  scale = "Mervärde", panel = "consensus",
  deduction = { 0, 30000, 60000, 90000 },
}
added_value "Aktiviteter" {
  text = "Aktiviteter i anslutning till måltiderna",
  scale = "Mervärde", panel = "consensus",
  deduction = { 0, 25000, 50000, 75000 },
}
added_value "Daglig leverans" {
  text = "Färsk mat levererad varje dag i stället för en gång i veckan",
  scale = "Mervärde", panel = "consensus",
  deduction = { 0, 20000, 40000, 60000 },
}
