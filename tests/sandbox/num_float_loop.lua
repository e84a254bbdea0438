-- expect: ^num_float_loop.lua:1[01]: (instruction budget|time limit) exceeded
-- Trick: a fresh Lua float in every exact operation: each is converted by
-- its shortest decimal (dec_from_double, up to ~10 us in GMP) inside one
-- VM instruction. Repeated constants are cached; a new one is charged.
-- Under ASan (our C instrumented, ~5x slower than its charge) the sandbox's
-- clock limit may stop it first, in the loop's line or its body's; either names the model.
local x = num.parse("0")
local i = 0
while true do
  i = i + 1
  x = num.parse("1") + i / 8   -- a new float each time, an exact decimal (i/7 is refused)
end
