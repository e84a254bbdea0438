-- A custom price formula that returns NaN (0/0 in plain Lua) must stop the
-- evaluation, naming the declaration's line and the bid. Provenance: [constructed].
model { id = "edge-custom-nan", title = "Custom formula returns NaN", basis = "points" }
criterion "Q" { max = 10 }
price "Pris" { max = 10, formula = function(price, c)
  if price > 150 then return 0 / 0 end        -- bid B has price 200
  return c.max
end }
