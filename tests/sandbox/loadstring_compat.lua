-- expect: attempt to call a nil value \(global 'loadstring'\)
-- Trick: the Lua 5.1 name loadstring, in case a compat build kept it.
local f = loadstring("return 1")
