-- expect: instruction budget exceeded$
-- Trick: defeat the compiled-pattern cache (32 entries) by cycling through
-- 33 long patterns, so every call compiles ~1000 bytes of pattern again.
-- A compile is charged by pattern length.
local pats = {}
for i = 1, 33 do pats[i] = string.rep("ab|", 330) .. "x" .. i end
local i = 0
while true do
  i = i % 33 + 1
  re.test("zzz", pats[i])
end
