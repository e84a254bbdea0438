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
  return m
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
