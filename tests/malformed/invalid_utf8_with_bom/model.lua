-- Malformed-input case invalid_utf8_with_bom: a Windows-1252 byte in a file that starts with a UTF-8 BOM.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
