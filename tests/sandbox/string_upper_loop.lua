-- expect: (instruction budget exceeded$|time limit exceeded)
-- Trick: a loop of single C calls that each do a megabyte of work
-- (string.upper of 1 MiB costs one VM instruction). Allocation is charged
-- to the budget (one instruction per 8 bytes), so the loop still ends.
-- Under ASan (our C instrumented) the sandbox's 5 s clock may stop it first.
local s = string.rep("x", 1024 * 1024)
while true do
  local u = s:upper()
end
