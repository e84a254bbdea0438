-- expect: ^pcre_email_hostile_pcall.lua:10: instruction budget exceeded$
-- Trick: the same 400 hostile cells, each match under pcall so that its
-- work limit error is swallowed: every match is charged the work it did,
-- so the budget runs out after a few cells.
local pat = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"
local cells = {}
for i = 1, 400 do cells[i] = string.rep("a", 31997 - #tostring(i)) .. i .. "@x." end
local n = 0
for i = 1, 400 do
  if pcall(re.test, cells[i], pat) then n = n + 1 end
end
