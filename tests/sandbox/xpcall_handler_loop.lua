-- expect: instruction budget exceeded$
-- Trick: an xpcall message handler that loops, so the error handling
-- itself never ends. The handler is Lua code and counts against the budget.
while true do
  xpcall(error, function() while true do end end)
end
