-- expect: instruction budget exceeded$
-- Trick: an error object whose __tostring loops, so the host's message
-- handler (which calls __tostring) hangs. The handler runs Lua code under
-- the same hook (lua.c msghandler pattern; tech.md §3 "Error reporting").
error(setmetatable({}, { __tostring = function() while true do end end }))
