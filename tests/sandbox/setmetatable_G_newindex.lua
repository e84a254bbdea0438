-- expect: instruction budget exceeded$
-- Trick: a metatable on _G whose __index loops, so every unknown global
-- read hangs (Redis "Try trick global protection": setmetatable(_G, ...)).
-- Harmless here (a fresh state per model), and still under the budget.
setmetatable(_G, { __index = function(t, k) while true do end end,
                   __newindex = function(t, k, v) rawset(t, k, v) end })
local x = undefined_global
