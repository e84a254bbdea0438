-- expect: ^model_library_fail_line\.lua:8: fixed_price needs the amount set in the documents$
-- Trick: a library constructor that refuses its parameter with fail() (no
-- position of its own): the error named scripts/declare.lua:14, a line the
-- model's author cannot see or change, instead of the model's line that
-- called the constructor.
model { id = "fail-line", title = "Fail line", basis = "points" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = fixed_price() }
