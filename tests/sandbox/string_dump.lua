-- expect: attempt to call a nil value \(field 'dump'\)
-- Trick: string.dump a function to get bytecode to patch and reload
-- (Redis: tests assert loadstring(string.dump(...)) fails; tech.md §3).
local code = string.dump(function() return 1 end)
