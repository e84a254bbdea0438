-- A price formula whose points rise with the price (50 x price / 1 000 000 over 1 to
-- 1 000 000 kr): not monotone, an error. The Blom finding must still give how far price
-- can move a total as a distance: the highest points (50 at 1 000 000) less the lowest
-- (50 x 1 / 1 000 000 = 0.00005 at 1 kr) = 49.99995, never a negative number. [constructed]
model { id = "check-price-rising", title = "Stigande prispoäng", basis = "points" }
criterion "Kvalitet" { max = 50 }
price "Pris" { max = 50, range = { 1, 1000000 },
  formula = function(price, c) return c.max * price / 1000000 end }
