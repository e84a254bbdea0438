-- expect: stack overflow|memory limit exceeded
-- Trick: unbounded recursion (not a tail call). Lua's stack limit or the
-- memory cap stops it (tech.md §3: "the memory cap hits before the stack
-- limit" at 16 MiB).
local function f(n) return 1 + f(n + 1) end
f(1)
