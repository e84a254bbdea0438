-- A constant computed with plain Lua arithmetic inside a custom formula: 2/3 is the
-- double 0.6666666666666666. The formula fails at every price, so check says so (and
-- evaluate, which refuses what check calls an error), with the fraction to write.
-- Lowest-price ratio: research §2.7. Provenance: [constructed].
model { id = "check-float-in-formula", title = "Float constant in a formula", basis = "points" }
criterion "Kvalitet" { max = 10 }
price "Pris" { max = 10, formula = function(price, c) return c.max * c.lowest / price * (2/3) end }
