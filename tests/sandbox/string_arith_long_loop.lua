-- expect: ^string_arith_long_loop.lua:6: instruction budget exceeded$
-- Trick: arithmetic on a 1 MiB string of digits: Lua 5.4 converts it in
-- the string metatable's __add, a walk of the whole string per
-- instruction; the metamethods are charged by length.
local s = string.rep("1", 1024 * 1024)
while true do local _ = s + 1 end
