-- A price floor (golvpris): prices below 500 000 kr give no further points. HFD 2022 ref. 41
-- (Vafabmiljö) struck such a model down; `check` must flag it as an error.
-- research/domain-models.md §2.8 and §4 item 4. [constructed]
model { id = "check-price-floor", title = "Golvpris", basis = "points" }
criterion "Kvalitet" { max = 40 }
price "Pris" { max = 60, range = { 100000, 2000000 },
  formula = function(price, c)
    local p = num.max(price, 500000)            -- the floor
    return c.max * 500000 / p
  end }
