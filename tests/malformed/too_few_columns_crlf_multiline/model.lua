-- Malformed-input case too_few_columns_crlf_multiline: CRLF lines, a bidder over two lines, a blank line, then a short row.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
