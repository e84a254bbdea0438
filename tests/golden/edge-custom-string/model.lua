-- A custom price formula that returns text must stop the evaluation, naming
-- the declaration's line and the bid. Provenance: [constructed].
model { id = "edge-custom-string", title = "Custom formula returns text", basis = "points" }
criterion "Q" { max = 10 }
price "Pris" { max = 10, formula = function(price, c)
  if price > 150 then return "tio" end        -- bid B has price 200
  return c.max
end }
