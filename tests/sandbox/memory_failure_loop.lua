-- expect: instruction budget exceeded$
-- Trick: hold 40 MiB live, then retry a failing allocation under pcall.
-- Each refusal makes Lua run an emergency full collection of the live
-- heap (lmem.c tryagain), costly C work in one instruction; a refusal is
-- charged what that collection costs.
local keep = {}
for i = 1, 40 do keep[i] = string.rep(string.char(64 + i % 26), 1024 * 1024) end
local small = {}
for i = 1, 100000 do small[i] = { i } end
while true do pcall(string.rep, "x", 1e9) end
