-- SPDX-License-Identifier: MIT
-- declare.lua: the words a model is written in (model, price, criterion,
-- scale, added_value, requirement, field) and `method`, which every formula
-- of the library is built with. Declarations are only recorded here, in the
-- order they are written; the C core reads and checks them after the model
-- has run, and does the arithmetic.

local decls = {}          -- every declaration, in the order written
local the_model = nil
__anbud = { decls = decls }

-- Stop the evaluation with a message; the core adds the bid and model line.
function fail(message)
  error(tostring(message), 0)
end

-- A number a model writes as a parameter of a library method, made exact
-- (0.1 is 1/10, "200/3", "20 %" as num.parse reads them). A parameter that is
-- not a number is the model's error: level 3 names the model's line that
-- called the library's constructor, not the library's own line.
local num_parse, pcall_ = num.parse, pcall   -- as the core made them
function exact_parameter(value, what)
  -- a Lua number or a num: num.parse's own error already names the model's line
  if type(value) ~= "string" then
    if type(value) ~= "number" and type(value) ~= "userdata" then
      error(what .. " must be a number (such as 0.35, \"200/3\" or \"20 %\"), not " .. type(value), 3)
    end
    if type(value) == "number" and (value ~= value or value == 1/0 or value == -1/0) then
      error(what .. " must be a finite number, not " .. (value ~= value and "NaN" or "an infinity"), 3)
    end
    return num_parse(value)
  end
  local ok, v = pcall_(num_parse, value)
  if not ok then
    error(what .. " must be a number (such as 0.35, \"200/3\" or \"20 %\"), not " .. string.format("%q", value), 3)
  end
  return v
end

-- Which methods are the library's, as the library made them. The core
-- trusts a library method's name (check presents it, the workbook writes
-- its formula), so a model's own method may not take a library name, and a
-- library method the model has changed in place is no longer the library's.
-- method() asks the core who called it (a chunk of scripts/ or not); the
-- core keeps that question and the check below out of the model's reach.
local called_by_library = __anbud_from_library
local made = setmetatable({}, { __mode = "k" })   -- method -> a copy as made
local reserved = {}                                -- names of the library

local function copy(v, depth)
  if type(v) ~= "table" or depth == 0 then return v end
  local t = {}
  for k, x in next, v do t[k] = copy(x, depth - 1) end
  return t
end

local function same(v, c, depth)
  if type(v) ~= "table" or depth == 0 then return rawequal(v, c) end
  if type(c) ~= "table" then return false end
  for k, x in next, v do
    if not same(x, rawget(c, k), depth - 1) then return false end
  end
  for k in next, c do
    if rawget(v, k) == nil then return false end
  end
  return true
end

-- A method: one formula with its name, its words and its Excel form.
--   kind:  "price_points" (price -> points), "price" (bid -> evaluated price),
--          "added_value" (score -> SEK amount), "total" (a bid's parts -> total)
--   fn:    the formula itself, on exact numbers (see `num` in README)
--   excel: the same formula in Excel's language, with {placeholders}
--   words: what it does, in Swedish and English
function method(m)
  if type(m) ~= "table" or type(m.fn) ~= "function" or type(m.name) ~= "string" then
    fail("method{} needs a name and a function fn")
  end
  m.is_method = true
  if called_by_library() then made[m] = copy(m, 4) end
  return m
end

-- Called once by the core after the library has loaded: every global name
-- the library defined is reserved, and the core keeps the returned check:
-- "library" (a library method as made), "changed" (made by the library,
-- changed since), "taken" (the model's own, under a library name) or "own".
function __anbud_seal()
  for k in next, _G do
    if type(k) == "string" then reserved[k] = true end
  end
  __anbud_seal = nil
  __anbud_from_library = nil
  return function(m)
    local c = made[m]
    if c then return same(m, c, 4) and "library" or "changed" end
    if reserved[rawget(m, "name")] then return "taken" end
    return "own"
  end
end

local function record(kind, id, spec)
  if type(id) ~= "string" or id == "" then
    fail(kind .. " needs a name: " .. kind .. ' "Name" { ... }')
  end
  if type(spec) ~= "table" then
    fail(kind .. ' "' .. id .. '" needs a table of fields: ' .. kind .. ' "' .. id .. '" { ... }')
  end
  local d = { kind = kind, id = id, spec = spec, line = __anbud_line() }
  decls[#decls + 1] = d
  d.index = #decls
  return d
end

local function declarer(kind)
  return function(id)
    local line = __anbud_line()
    return function(spec)
      local d = record(kind, id, spec)
      d.line = line
      return d
    end
  end
end

price       = declarer("price")
criterion   = declarer("criterion")
added_value = declarer("added_value")
requirement = declarer("requirement")
field       = declarer("field")

-- lot "Norra" { text = ..., value = ..., framework = ... }: a lot (delområde);
-- a criterion, added value or requirement with lot = "Norra" (or a list of
-- lots) belongs to those lots only, the others to every lot.
lot         = declarer("lot")

-- scale "Name" { "level 0", "level 1", ... } (levels are in ascending order)
scale = declarer("scale")

-- model { id = ..., title = ..., basis = ... }
function model(spec)
  if the_model then fail("model { ... } is declared twice") end
  if type(spec) ~= "table" then fail("model needs a table: model { id = ..., title = ... }") end
  the_model = spec
  __anbud.model = spec
  __anbud.model_line = __anbud_line()
end
