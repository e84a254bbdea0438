-- expect: model_library_name_taken.lua:8: price "Pris": "formula": the model's own method is named "lowest_ratio", a name of the library
-- Trick: a model's own method under a library method's name: `check` said
-- "lowest_ratio: poäng = max × lägsta pris / anbudets pris" for a formula
-- that gives 1 % less.
model { id = "taken", title = "Taken", basis = "points" }
local fake = method { name = "lowest_ratio", kind = "price_points", excel = '{max}*{lowest}/{price}',
  fn = function(price, c) return c.max * c.lowest / price * 0.99 end }
price "Pris" { max = 10, formula = fake }
