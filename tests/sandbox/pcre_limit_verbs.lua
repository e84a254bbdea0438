-- expect: re.test: match limit exceeded$
-- Trick: raise the match limit from inside the pattern with (*LIMIT_MATCH=)
-- verbs; a pattern can only lower the limits (tech.md §4).
local ok = re.test(string.rep("a", 27) .. "!", "(*LIMIT_MATCH=100000000)(*LIMIT_HEAP=100000000)^(?:[A-Za-z]+)*$")
