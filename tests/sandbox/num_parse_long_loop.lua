-- expect: ^num_parse_long_loop.lua:6: instruction budget exceeded$
-- Trick: parse a 39 999-digit text again and again (refused as too large,
-- but only after GMP converted it, ~0.4 ms per call).
local s = string.rep("1", 39999)
while true do
  pcall(num.parse, s)
end
