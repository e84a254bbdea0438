-- expect: ^table_key_long_loop.lua:8: time limit exceeded: the model's code ran for more than [0-9]+ s
-- Trick: a table keyed by a 1 MiB string, looked up with an equal but
-- distinct string: each lookup compares the keys byte by byte (long
-- strings are not interned) inside one instruction.
local a = string.rep("k", 1024 * 1024)
local t = { [a] = 1 }
local b = a:sub(1)
while true do local _ = t[b] end
