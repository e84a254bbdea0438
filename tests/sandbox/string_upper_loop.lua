-- expect: instruction budget exceeded$
-- Trick: a loop of single C calls that each do megabytes of work
-- (string.upper of 16 MiB costs one VM instruction). Allocation is charged
-- to the budget (one instruction per 64 bytes), so the loop still ends.
local s = string.rep("x", 16 * 1024 * 1024)
while true do
  local u = s:upper()
end
