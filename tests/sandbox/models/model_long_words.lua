-- expect: model_long_words.lua:7: price "Pris": the method's description \(words\) is longer than 4000 bytes
-- Trick: a model's own method whose words (shown by check and on the Model
-- sheet) are longer than a cell can hold.
model { id = "long", title = "Long", basis = "points" }
local m = method { name = "own", kind = "price_points", words = { sv = string.rep("w", 40000) },
  fn = function(price, c) return c.max * c.lowest / price end }
price "Pris" { max = 10, formula = m }
