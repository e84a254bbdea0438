-- expect: model_long_descriptor.lua:4: scale "Betyg": a level's descriptor is longer than 4000 bytes
-- Trick: a scale level's descriptor longer than a cell can hold.
model { id = "long", title = "Long", basis = "points" }
scale "Betyg" { { "Låg", 0 }, { "Hög", 5, string.rep("d", 40000) } }
price "Pris" { max = 10, formula = lowest_ratio }
criterion "K" { scale = "Betyg" }
