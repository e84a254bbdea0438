-- SPDX-License-Identifier: MIT
-- added_value.lua: priced quality (mervärdesmodell, prissatt kvalitet).
-- An added value turns a score into SEK that are deducted from, or added to,
-- the bid's price; the lowest comparison price (jämförelsepris) wins.
-- In a formula, c holds c.max (top score), c.score, c.fraction (score / max
-- for a deduction; (max − score) / max, the shortfall, for a surcharge),
-- c.level (0 for the lowest scale level, or nil without a scale) and
-- c.price (the bid's evaluated price).
local exact_parameter = exact_parameter   -- the library's own, whatever a model redefines

-- SEK per scale level: the amount written for the level the bid reached.
-- Source: Lindbäck, Metodhandboken del 12 (research §2.4, WE-05).
-- Written in a model as a plain list: deduction = { 0, 40000, 80000, 120000 }.
-- Each amount is a number or exact text ("200/3"), as every parameter.
function sek_per_level(amounts)
  if type(amounts) ~= "table" or #amounts == 0 then
    fail("sek_per_level needs one amount per scale level: { 0, 40000, 80000 }")
  end
  local written = amounts
  amounts = {}
  local shown = {}   -- as written; table.concat refuses an exact number (num.parse("200/3"))
  for i = 1, #written do
    amounts[i] = exact_parameter(written[i], "sek_per_level's amount " .. i)
    shown[i] = tostring(written[i])
  end
  local made = method {
    name = "sek_per_level", kind = "added_value", amounts = amounts,
    words = { sv = "kronor enligt nivå: " .. table.concat(shown, " / "),
              en = "SEK by level: " .. table.concat(shown, " / ") },
    excel = "INDEX({amounts},{level}+1)",
    fn = function(_, c)
      if not c.level then fail("sek_per_level needs a scale on the added value") end
      local a = amounts[c.level + 1]
      if a == nil then fail("no amount for scale level " .. (c.level + 1)) end
      return a
    end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- SEK in proportion to the score: amount × fraction.
-- For a deduction: amount × score / max (Lindbäck; WE-05).
-- For a surcharge: amount × (max − score) / max, the quality-shortfall
-- model (kvalitetsbristmodell, påslagsmodell; research §2.6).
function sek_linear(amount)
  if amount == nil then fail("sek_linear needs an amount: sek_linear(800)") end
  amount = exact_parameter(amount, "sek_linear's amount")
  local made = method {
    name = "sek_linear", kind = "added_value", amount = amount,
    words = { sv = tostring(amount) .. " kr × andel", en = tostring(amount) .. " SEK × share" },
    excel = "{amount}*{fraction}",
    fn = function(_, c) return amount * c.fraction end,
  }
  return made   -- not a tail call: method() asks who called it
end

-- A percentage of the bid's own price × fraction.
-- Deduction: J = P·(1 − Σ a_k·f_k); surcharge: J = P·(1 + Σ b_k·(1 − f_k)).
-- Source: e-Avrop (research §2.5, WE-08); Ottander 2012 (WE-06).
-- Pitfall: a deduction favours dear bids, and with 100 % every full-marks
-- bid gets comparison price 0 whatever its price (e-Avrop allows only
-- surcharges for that reason). `anbud check` warns.
-- p is in percent: percent(20), percent("20 %") and percent("200/3") (66⅔ %).
function percent(p)
  if p == nil then fail("percent needs a percentage: percent(20)") end
  if type(p) == "string" and p:sub(-1) == "%" then p = exact_parameter(p, "percent's percentage") * 100
  else p = exact_parameter(p, "percent's percentage") end
  local made = method {
    name = "percent", kind = "added_value", percent = p,
    words = { sv = tostring(p) .. " % av anbudets pris × andel", en = tostring(p) .. " % of the bid's price × share" },
    excel = "{price}*{percent}/100*{fraction}",
    fn = function(_, c) return c.price * p / 100 * c.fraction end,
  }
  return made   -- not a tail call: method() asks who called it
end
