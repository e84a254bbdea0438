-- expect: model_long_title.lua:6: model: "title" is longer than 500 bytes
-- Trick: a title of 40 000 bytes. The model loaded and `check` passed, and
-- the workbook then failed (Excel holds 32 767 characters in a cell); the
-- limits of README "Limits" are checked when the model is read, with the
-- place named, so that a model that loads always writes.
model { id = "long", title = string.rep("x", 40000), basis = "points" }
price "Pris" { max = 10, formula = lowest_ratio }
