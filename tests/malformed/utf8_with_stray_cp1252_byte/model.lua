-- Malformed-input case utf8_with_stray_cp1252_byte: a UTF-8 file (Vågbro) with one Windows-1252 byte (0xE5, å) pasted in: not read as Windows-1252 throughout.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
