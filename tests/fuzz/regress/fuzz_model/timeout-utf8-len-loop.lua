-- expect: ^utf8_len_loop.lua:5: instruction budget exceeded$
-- Found by fuzz_model (a timeout, > 60 s) before utf8.len was charged by length.
-- Trick: utf8.len of a 1 MiB string (2 ms of decoding in C) in a loop;
-- utf8.len is charged one instruction per byte.
local s = string.rep("\u{e5}", 512 * 1024)
while true do local _ = utf8.len(s) end
