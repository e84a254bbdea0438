-- expect: attempt to call a nil value \(local 'f'\)
-- Trick: look for a removed function behind the front door: raw access to
-- _G and _ENV, the string table, the old names (Redis "Try trick global
-- protection 1..4", scripting.tcl). Nothing is hidden: they are gone.
rawset(_G, "x", 1)
local f = rawget(_G, "load") or rawget(_ENV, "loadstring") or rawget(string, "dump")
  or rawget(_G, "dofile") or rawget(_G, "require") or rawget(_G, "collectgarbage")
f("return 1")
