-- A custom price formula that divides by zero for one bid must stop the
-- evaluation with the model line and the bid, never score it 0.
-- Provenance: [constructed]; issue "Custom formulas" rule.
model { id = "edge-custom-divzero", title = "Custom formula, division by zero", basis = "points" }
criterion "Q" { max = 10 }
price "Pris" { max = 10, formula = function(price, c)
  return c.max * c.lowest / (price - c.lowest)   -- zero for the lowest bid, A
end }
