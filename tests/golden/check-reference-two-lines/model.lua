-- A reference number (diarienummer) is one line of a document's heading: a line break
-- in it is a model error, not a heading broken in two. [constructed]
-- The model { } declaration is on line 4.
model { id = "check-reference-two-lines", title = "Diarienummer", basis = "points", reference = "KS 2026/17\nbilaga 2" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lowest_ratio }
