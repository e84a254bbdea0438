-- SPDX-License-Identifier: MIT
-- total.lua: how a bid's parts make its total, which decides the ranking.
-- In a formula, b holds the bid's parts: b.price (evaluated price),
-- b.quality (sum of quality contributions), b.points (sum of all points
-- contributions, price points included), b.deductions, b.surcharges,
-- b.features (ProZorro feature values). c holds c.lowest_price,
-- c.best_quality, c.max_quality, c.features_max, c.count and
-- c.lowest_quality (the lowest sum of quality contributions), all among the
-- bids that remain. relative = false says a total looks at the bid's own
-- parts only; a method that does not say so is taken to look at the others'
-- (the sensitivity analysis then re-runs every bid). better = "lower" or
-- "higher" says which total wins when it is not the basis's rule; basis names
-- the basis a method needs (with basis_why, the reason given if it is not).
local exact_parameter = exact_parameter   -- the library's own, whatever a model redefines

-- Weighted sum (viktad poängsumma): T = Σ w_k · s_k, price points included.
-- Source: Lindbäck, Metodhandboken del 11 (research §2.10). Highest wins.
weighted_sum = method {
  name = "weighted_sum", kind = "total", relative = false,
  words = { sv = "summan av alla kriteriers viktade poäng", en = "the sum of every criterion's weighted points" },
  excel = "SUM({contributions})",
  fn = function(b) return b.points end,
}

-- Comparison price (jämförelsepris): J = P − Σ deductions + Σ surcharges.
-- Source: Lindbäck del 12; Svensk Kollektivtrafik (research §2.4–2.6). Lowest wins.
comparison_price = method {
  name = "comparison_price", kind = "total", relative = false,
  words = { sv = "pris − avdrag för mervärden + påslag", en = "price − deductions for added values + surcharges" },
  excel = "{price}+SUM({contributions})",
  fn = function(b) return b.price - b.deductions + b.surcharges end,
}

-- Value for money (värde för pengarna, Q/P): V = Q / P × per. Highest wins.
-- Source: Lindbäck del 13; Kiiver & Kodym via van Loon 2021 (research §2.9, WE-09).
-- Pitfall: not linear in price; depends on where the quality scale's zero is.
function value_for_money(p)
  local per = exact_parameter((p and p.per) or 1, "value_for_money's per")
  -- zero ties every bid, below zero ranks the worst value first
  if not (per > 0) then fail("value_for_money's per must be above zero: value_for_money { per = 1000 }") end
  local made = method {
    name = "value_for_money", kind = "total", relative = false, params = p,
    words = { sv = "kvalitetspoäng / pris × " .. tostring(per), en = "quality points / price × " .. tostring(per) },
    excel = "{quality}/{price}*" .. tostring(per),
    fn = function(b)
      if b.price <= 0 then fail("the price is " .. tostring(b.price) .. "; value_for_money divides by the price") end
      return b.quality / b.price * per
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- Negometrix utility index: U = [(1 − (Q_best − Q)·N) / P] · P_best,
-- with Q the quality share in [0, 1] and N = quality weight / price weight.
-- Source: Negometrix "Utility index" (research §2.9). Relative. Highest wins.
function utility_index(p)
  p = p or {}
  if not p.quality_weight or not p.price_weight then
    fail("utility_index needs quality_weight and price_weight: utility_index { quality_weight = 60, price_weight = 40 }")
  end
  -- checked here, where the model's line is known, not at the first bid;
  -- a weight below zero would rank the worse quality first
  local qw = exact_parameter(p.quality_weight, "utility_index's quality_weight")
  local pw = exact_parameter(p.price_weight, "utility_index's price_weight")
  if not (qw >= 0) or not (pw > 0) then
    fail("utility_index needs quality_weight of zero or more and price_weight above zero: "
         .. "utility_index { quality_weight = 60, price_weight = 40 }")
  end
  local made = method {
    name = "utility_index", kind = "total", relative = true, params = p,
    words = { sv = "(1 − (bästa kvalitet − kvalitet) × N) / pris × lägsta pris",
              en = "(1 − (best quality − quality) × N) / price × lowest price" },
    excel = "(1-({best_quality}-{quality})/{max_quality}*{N})/{price}*{lowest_price}",
    fn = function(b, c)
      if b.price <= 0 then fail("the price is " .. tostring(b.price) .. "; utility_index divides by the price") end
      local n = qw / pw
      local q, qbest = b.quality / c.max_quality, c.best_quality / c.max_quality
      return (1 - (qbest - q) * n) / b.price * c.lowest_price
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- ProZorro reduced price (приведена ціна), as coded in openprocurement:
--   coef = 1 + Vn / (1 − Vmax); J = P / coef
-- Vn = sum of the bid's feature values, Vmax = sum of each feature's largest
-- value. Not P / (1 + Σ). Source: research/peers.md §1.3. Lowest wins.
reduced_price = method {
  name = "reduced_price", kind = "total", relative = false,
  words = { sv = "pris / (1 + Vn / (1 − Vmax))", en = "price / (1 + Vn / (1 − Vmax))" },
  excel = "{price}/(1+{features}/(1-{features_max}))",
  fn = function(b, c)
    if c.features_max >= 1 then fail("the features' largest values add up to 1 or more; reduced_price needs less") end
    return b.price / (1 + b.features / (1 - c.features_max))
  end,
}

-- Relative value cost (Australia, LGP, "Methods of evaluating price in
-- tenders, part 4", research §2.9): the score index
--   SI = (q + q_max) / (q_lowest + q_max)
-- with q the tender's non-price score, q_lowest the LOWEST non-price score
-- among the tenders (not the quality of the lowest price) and q_max the
-- highest possible non-price score; RVC = cost / SI. "The tender with the
-- lowest Relative Value Cost is the highest ranking": a ratio model in which
-- the lowest total wins. Edge cases: one bid, or every bid of equal quality,
-- gives SI = 1 and RVC = the price; quality 0 gives SI = q_max / (q_lowest +
-- q_max) > 0; a zero price gives RVC 0 (the price is not a divisor); a model
-- without quality to score (q_max = 0) has no score index and is refused.
-- Relative: q_lowest depends on the other bids.
relative_value_cost = method {
  name = "relative_value_cost", kind = "total", relative = true,
  better = "lower", basis = "ratio",
  basis_why = "it divides the price by an index of the quality points, and the lowest result wins",
  words = { sv = "pris / ((kvalitet + högsta möjliga kvalitet) / (lägsta kvalitet + högsta möjliga kvalitet)); lägst vinner",
            en = "price / ((quality + highest possible quality) / (lowest quality + highest possible quality)); lowest wins" },
  excel = "{price}/(({quality}+{max_quality})/({lowest_quality}+{max_quality}))",
  fn = function(b, c)
    if c.max_quality <= 0 then
      fail("relative_value_cost needs quality criteria: the highest possible quality is " .. tostring(c.max_quality))
    end
    return b.price / ((b.quality + c.max_quality) / (c.lowest_quality + c.max_quality))
  end,
}
