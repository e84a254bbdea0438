-- Malformed-input case orgnr_luhn_fail: an organisationsnummer with a wrong check digit.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
field "Organisationsnummer" { pattern = [[^[0-9]{6}-[0-9]{4}$]], check = "luhn",
                              text = "Organisationsnummer" }
