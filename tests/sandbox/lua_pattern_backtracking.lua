-- expect: ^lua_pattern_backtracking.lua:5: string.find: Lua patterns are not allowed
-- Trick: Lua pattern backtracking runs inside C where no hook fires:
-- string.rep('a', 200):find('.-.-.-.-b') ran 15.5 s past a 2 s deadline
-- (tech.md §3, hole 1). Only plain find is allowed.
local i = string.rep("a", 200):find(".-.-.-.-b")
