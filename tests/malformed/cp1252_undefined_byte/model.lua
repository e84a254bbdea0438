-- Malformed-input case cp1252_undefined_byte: byte 0x81, neither UTF-8 nor Windows-1252.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
