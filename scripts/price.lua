-- SPDX-License-Identifier: MIT
-- price.lua: how a bid's price is formed, and how a price becomes points.
-- Every formula works on exact numbers: 70 * 8000 / 10000 is exactly 56.
-- Parameters written in the model are made exact first (num.parse), since
-- arithmetic between two plain Lua numbers would be binary floating point.
-- In a formula, c holds the figures of the bids that remain after
-- requirements and thresholds: c.max (the criterion's top score),
-- c.lowest, c.highest, c.mean, c.count. An excluded bid never counts here.
local exact_parameter = exact_parameter   -- the library's own, whatever a model redefines
local ipairs = ipairs                     -- the same: basket walks its c.lines with it, and
                                          -- the core hands every bid the same c (evaluate.c)

local function above_zero(p, name)
  if p <= 0 then
    fail("the price is " .. tostring(p) .. "; " .. name .. " divides by the price, so it must be above zero")
  end
end

-- {============ the evaluated price ============

-- One price per bid, in the bids column named like the price.
single_price = method {
  name = "single_price", kind = "price",
  words = { sv = "anbudets pris", en = "the bid's price" },
  excel = "{field}",
  fn = function(bid, c) return bid[c.id] end,
}

-- Fixed price, quality only (fast pris): the documents set the price, bids
-- compete on quality alone. Source: Directive 2014/24/EU art. 67(2);
-- research/domain-models.md §2.3. Coarse scales make ties likely.
function fixed_price(amount)
  if amount == nil then fail("fixed_price needs the amount set in the documents") end
  amount = exact_parameter(amount, "fixed_price's amount")
  local made = method {
    name = "fixed_price", kind = "price", amount = amount,
    words = { sv = "fast pris " .. tostring(amount) .. " (kvalitet avgör)",
              en = "fixed price " .. tostring(amount) .. " (quality decides)" },
    excel = tostring(amount),
    fn = function() return amount end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- Price basket (varukorg): P = sum of quantity x unit price over the lines.
-- Source: research/domain-models.md §3.9 (Avropa, Adda; DFØ basket WE-13).
-- Pitfall: volumes must be realistic (Kammarrätten i Sundsvall 2024).
basket = method {
  name = "basket", kind = "price",
  words = { sv = "summa av mängd × styckpris över varukorgens rader",
            en = "sum of quantity × unit price over the basket's lines" },
  excel = "SUMPRODUCT({quantities},{unit_prices})",
  fn = function(bid, c)
    local sum = 0
    for _, line in ipairs(c.lines) do sum = sum + line.quantity * bid[line.id] end
    return sum
  end,
}

-- Life-cycle cost (livscykelkostnad) as a present value:
--   LCC = purchase + once + sum_{t=1..years} yearly / (1 + rate)^t - residual / (1 + rate)^years
-- Source: research/domain-models.md §2.2 (Energihandboken; UHM LCC tools;
-- DFØ tractor WE-12). rate and years are set by the buyer in the documents;
-- the bid gives the column values. Exact: (1 + rate)^t is a rational power.
function lcc(p)
  p = p or {}
  local rate, years = exact_parameter(p.rate or 0, "lcc's rate"), p.years or 0
  if type(years) ~= "number" or years < 0 or years ~= years // 1 then
    fail("lcc: years must be a whole number of years")
  end
  local made = method {
    name = "lcc", kind = "price", params = p,
    words = { sv = "inköp + engångskostnader + nuvärdet av årliga kostnader − nuvärdet av restvärdet",
              en = "purchase + one-off costs + present value of yearly costs − present value of the residual value" },
    excel = "{purchase}+{once}+{yearly}*(1-(1+{rate})^-{years})/{rate}-{residual}/(1+{rate})^{years}",
    fn = function(bid, c)
      local total = 0
      if p.purchase then total = total + bid[p.purchase] end
      for _, col in ipairs(p.once or {}) do total = total + bid[col] end
      local discount = num.parse(1)
      for _ = 1, years do
        discount = discount / (1 + rate)
        for _, col in ipairs(p.yearly or {}) do total = total + bid[col] * discount end
      end
      if p.residual then total = total - bid[p.residual] * discount end
      return total
    end,
    columns = function()
      local cols = {}
      if p.purchase then cols[#cols + 1] = p.purchase end
      for _, col in ipairs(p.once or {}) do cols[#cols + 1] = col end
      for _, col in ipairs(p.yearly or {}) do cols[#cols + 1] = col end
      if p.residual then cols[#cols + 1] = p.residual end
      return cols
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- }=============================================

-- {============ price points, relative ============
-- Relative: the points depend on the other bids, so adding or removing a
-- bid, even a losing one, can reorder two others (rank reversal; WE-03).
-- uses: the figures of c (besides max) the formula reads; the sensitivity
-- analysis re-runs the other bids only when one of them moves. A method that
-- does not say is taken to read them all.

-- Lowest-price ratio (relativ poängsättning, "low bid scoring"):
--   points = max × lowest / price
-- Source: Negometrix low bid scoring; DFØ 10·Pb/Pe; UK CCS; research §2.7, WE-01, WE-04.
-- Pitfall: not linear in price; a price of zero is undefined.
lowest_ratio = method {
  name = "lowest_ratio", kind = "price_points", relative = true, uses = { "lowest" },
  words = { sv = "poäng = max × lägsta pris / anbudets pris",
            en = "points = max × lowest price / the bid's price" },
  excel = "{max}*{lowest}/{price}",
  fn = function(price, c)
    above_zero(price, "lowest_ratio")
    return c.max * c.lowest / price
  end,
}

-- Linear deduction from the lowest price (DFØ "lineær modell"):
--   points = max × (1 − (price − lowest) / lowest)
-- Source: DFØ; research §2.7, WE-14. Goes below zero when price > 2 × lowest,
-- which KOFA 2015/60 found not unlawful in itself.
linear_from_lowest = method {
  name = "linear_from_lowest", kind = "price_points", relative = true, uses = { "lowest" },
  words = { sv = "poäng = max × (1 − (pris − lägsta pris) / lägsta pris)",
            en = "points = max × (1 − (price − lowest price) / lowest price)" },
  excel = "{max}*(1-({price}-{lowest})/{lowest})",
  fn = function(price, c)
    above_zero(c.lowest, "linear_from_lowest (by the lowest price)")
    return c.max * (1 - (price - c.lowest) / c.lowest)
  end,
}

-- Min–max interpolation (Consip "lineare tra minimo e massimo", Negometrix
-- weighted score): points = max × (highest − price) / (highest − lowest).
-- The dearest bid gets 0. With one bid or equal prices every bid gets full
-- marks (Consip rule). Source: research §2.7. Open to a collusive high bid.
min_max = method {
  name = "min_max", kind = "price_points", relative = true, uses = { "lowest", "highest" },
  words = { sv = "poäng = max × (högsta pris − pris) / (högsta pris − lägsta pris); lika priser ger full poäng",
            en = "points = max × (highest − price) / (highest − lowest); equal prices give full points" },
  excel = "IF({highest}={lowest},{max},{max}*({highest}-{price})/({highest}-{lowest}))",
  fn = function(price, c)
    if num.eq(c.highest, c.lowest) then return c.max end
    return c.max * (c.highest - price) / (c.highest - c.lowest)
  end,
}

-- Logarithmic price points (Negometrix):
--   points = max × (1 − log(price / lowest) / log(A))
-- A is the price ratio at which the points reach zero. Not rational: the
-- result is computed in double precision and marked approximate.
function log_ratio(p)
  local A = p and p.A
  if A ~= nil then A = exact_parameter(A, "log_ratio's A") end
  if not A or A <= 1 then fail("log_ratio needs A above 1: log_ratio { A = 2 }") end
  local made = method {
    name = "log_ratio", kind = "price_points", relative = true, uses = { "lowest" }, approximate = true, params = p,
    words = { sv = "poäng = max × (1 − ln(pris / lägsta pris) / ln(A))",
              en = "points = max × (1 − ln(price / lowest price) / ln(A))" },
    excel = "{max}*(1-LN({price}/{lowest})/LN({A}))",
    fn = function(price, c)
      above_zero(price, "log_ratio")
      return c.max * (1 - num.log(price / c.lowest) / num.log(A))
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- }=============================================

-- {============ price points, absolute ============

-- Linear between buyer-set prices (absolute; Market Dojo "pro rata"):
--   points = max × (worst − price) / (worst − best), within [0, max]
-- best and worst are published in the documents; each bid is scored on its
-- own. Source: research §2.8. Outside [best, worst] the points are flat, so
-- best must be below any realistic price (HFD 2022 ref. 41: no price floor).
function absolute_linear(p)
  p = p or {}
  local best, worst = p.best, p.worst
  if best ~= nil then best = exact_parameter(best, "absolute_linear's best") end
  if worst ~= nil then worst = exact_parameter(worst, "absolute_linear's worst") end
  -- compared as exact numbers, after parsing ("90000" < "100000" is false as text)
  if not best or not worst or not (best < worst) then
    fail("absolute_linear needs best < worst: absolute_linear { best = 100000, worst = 200000 }")
  end
  local made = method {
    name = "absolute_linear", kind = "price_points", relative = false, params = p,
    words = { sv = "poäng = max × (sämsta pris − pris) / (sämsta pris − bästa pris), mellan 0 och max",
              en = "points = max × (worst − price) / (worst − best), between 0 and max" },
    excel = "{max}*MAX(0,MIN(1,({worst}-{price})/({worst}-{best})))",
    fn = function(price, c)
      local f = (worst - price) / (worst - best)
      if f < 0 then f = 0 elseif f > 1 then f = 1 end
      return c.max * f
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- }=============================================

-- {============ Italian coefficients (ANAC / Consip) ============
-- The discount (ribasso) R = base − price against the published base price.

-- Linear interpolation on the discount: C = R / R_max.
-- Source: Sicilian regulation, allegato E; research §2.11. No discount from
-- any bid gives every bid 0.
function italian_linear(p)
  local base = p and p.base
  if not base then fail("italian_linear needs the base price: italian_linear { base = 100000 }") end
  base = exact_parameter(base, "italian_linear's base")
  local made = method {
    name = "italian_linear", kind = "price_points", relative = true, uses = { "lowest" }, params = p,
    words = { sv = "poäng = max × rabatt / största rabatt (rabatt = utgångspris − pris)",
              en = "points = max × discount / largest discount (discount = base − price)" },
    excel = "IF({base}-{lowest}=0,0,{max}*({base}-{price})/({base}-{lowest}))",
    fn = function(price, c)
      local rmax = base - c.lowest
      if num.eq(rmax, 0) then return 0 * c.max end
      return c.max * (base - price) / rmax
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- Bilinear (ANAC Linee guida n. 2): with A the discount and T the mean
-- discount, C = x·A/T up to T, then x + (1−x)·(A − T)/(A_max − T).
-- x is 0.80, 0.85 or 0.90. From domain knowledge, not verified verbatim.
function italian_bilinear(p)
  p = p or {}
  local base, x = p.base, p.x or 0.85
  if not base then fail("italian_bilinear needs the base price: italian_bilinear { base = 100000, x = 0.85 }") end
  base, x = exact_parameter(base, "italian_bilinear's base"), exact_parameter(x, "italian_bilinear's x")
  local made = method {
    name = "italian_bilinear", kind = "price_points", relative = true, uses = { "lowest", "mean" }, params = p,
    words = { sv = "bilinjär: x × rabatt / medelrabatt upp till medelrabatten, därefter linjärt till 1",
              en = "bilinear: x × discount / mean discount up to the mean, then linear up to 1" },
    excel = "{max}*IF({base}-{price}<={base}-{mean},IF({base}-{mean}=0,0,{x}*({base}-{price})/({base}-{mean})),{x}+(1-{x})*(({base}-{price})-({base}-{mean}))/(({base}-{lowest})-({base}-{mean})))",
    fn = function(price, c)
      local a, t, amax = base - price, base - c.mean, base - c.lowest
      if a <= t then
        if num.eq(t, 0) then return 0 * c.max end
        return c.max * x * a / t
      end
      return c.max * (x + (1 - x) * (a - t) / (amax - t))
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- Non-linear (ANAC): C = (R / R_max)^alpha. alpha < 1 is concave (rewards
-- small discounts), alpha > 1 convex. Exact for whole alpha, else approximate.
function italian_power(p)
  p = p or {}
  local base, alpha = p.base, p.alpha
  if alpha ~= nil then alpha = exact_parameter(alpha, "italian_power's alpha") end
  if not base or not alpha or alpha <= 0 then
    fail("italian_power needs base and alpha > 0: italian_power { base = 100000, alpha = 0.5 }")
  end
  local whole = num.eq(alpha, num.floor(alpha))
  base = exact_parameter(base, "italian_power's base")
  local made = method {
    name = "italian_power", kind = "price_points", relative = true, uses = { "lowest" }, params = p,
    approximate = not whole,
    words = { sv = "poäng = max × (rabatt / största rabatt) ^ alfa",
              en = "points = max × (discount / largest discount) ^ alpha" },
    excel = "IF({base}-{lowest}=0,0,{max}*(({base}-{price})/({base}-{lowest}))^{alpha})",
    fn = function(price, c)
      local rmax = base - c.lowest
      if num.eq(rmax, 0) then return 0 * c.max end
      local r = (base - price) / rmax
      if r < 0 then fail("the price is above the base price; italian_power needs a discount") end
      return c.max * r ^ alpha
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- }=============================================
