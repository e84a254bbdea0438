-- expect: instruction budget exceeded$
-- Trick: endless proper tail calls use no stack, so neither the stack
-- limit nor memory stops them; the budget does.
local function f(n) return f(n + 1) end
f(1)
