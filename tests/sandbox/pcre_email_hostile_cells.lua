-- expect: ^pcre_email_hostile_cells.lua:10: re.test: match work limit exceeded .*32000 bytes
-- Trick: a plausible e-mail pattern (unanchored) on 400 hostile cells of
-- 32 000 bytes ('a' then "@x."): each start position scans to the '@'
-- and fails after it, 500 000 000 characters per cell.
local pat = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"
local cells = {}
for i = 1, 400 do cells[i] = string.rep("a", 31997 - #tostring(i)) .. i .. "@x." end
local n = 0
for i = 1, 400 do
  if re.test(cells[i], pat) then n = n + 1 end
end
