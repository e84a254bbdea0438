-- A model whose own total rewards a higher price: `check` cannot see it (the price
-- formula is fine), `simulate` must: a 10 % cheaper copy of a bid ranks below it.
model {
  id = "odd-total", title = "A total that rewards the price", basis = "points",
  total = method { name = "odd", kind = "total", fn = function(b) return b.points + b.price / 1000 end },
}
criterion "Kvalitet" { max = 10 }
price "Pris" { max = 10, formula = lowest_ratio }
