-- expect: ^table_move_huge.lua:5: instruction budget exceeded$
-- Trick: table.move over 10^12 nil slots: no allocation, no Lua code, a
-- C loop of lua_geti/lua_seti. Charged to the budget before it starts.
local t = {}
table.move(t, 1, 1000000000000, 2)
