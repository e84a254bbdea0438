-- expect: instruction budget exceeded$
-- Trick: a to-be-closed variable (Lua 5.4 <close>) whose __close loops; it
-- runs while the stack unwinds from an error. __close is ordinary Lua code
-- and stays under the hook, unlike __gc.
do
  local x <close> = setmetatable({}, { __close = function() while true do end end })
  error("unwind")
end
