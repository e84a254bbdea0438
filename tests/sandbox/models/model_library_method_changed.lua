-- expect: model_library_method_changed.lua:6: price "Pris": "formula": the library's method "lowest_ratio" was changed by the model
-- Trick: change a library method in place, so that `check` and the
-- workbook present the model's formula under the library's name.
model { id = "changed", title = "Changed", basis = "points" }
lowest_ratio.excel = '{max}'
price "Pris" { max = 10, formula = lowest_ratio }
