-- expect: instruction budget exceeded$
-- Trick: catch the match-limit error and retry forever; each try costs
-- ~1 ms of C time in one VM instruction. A limit hit is charged to the
-- budget at the full match limit.
local s = string.rep("a", 27) .. "!"
while true do pcall(re.test, s, "^(?:[A-Za-z]+)*$") end
