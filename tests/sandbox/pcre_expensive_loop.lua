-- expect: instruction budget exceeded$
-- Trick: a pattern that stays just under the match limit (15 'a' need
-- more than 10 000 steps, 16 hit 100 000), run in a loop: ~1 ms of C per
-- VM instruction. Matches run with rising limits (1000, 10000, 100000)
-- and are charged the limits they needed.
local s = string.rep("a", 15) .. "!"
while true do re.test(s, "^(?:[A-Za-z]+)*$") end
