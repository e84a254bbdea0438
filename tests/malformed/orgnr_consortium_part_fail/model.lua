-- Malformed-input case orgnr_consortium_part_fail: a consortium whose second organisationsnummer is wrong.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
field "Organisationsnummer" { pattern = [[^[0-9]{6}-[0-9]{4}$]], check = "luhn",
                              text = "Organisationsnummer" }
