-- expect: ^model_library_error_line\.lua:7: attempt to index a number value .*\(in scripts/price\.lua:[0-9]+\)$
-- Trick: a library constructor given a number where it wants a table: Lua's
-- own error inside scripts/price.lua named that line alone; the model's line
-- comes first, the library's after it.
model { id = "error-line", title = "Error line", basis = "points" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, formula = lcc(5) }
