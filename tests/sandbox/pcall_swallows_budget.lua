-- expect: instruction budget exceeded$
-- Trick: catch the budget error with pcall and keep looping. The hook is
-- re-armed on every line, so the error comes back at once (Redis
-- script_lua.c luaMaskCountHook; tech.md §3).
local caught = 0
while true do
  local ok = pcall(function() while true do end end)
  caught = caught + 1
end
