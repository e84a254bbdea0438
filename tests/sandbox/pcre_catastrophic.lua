-- expect: ^pcre_catastrophic.lua:5: re.test: match limit exceeded$
-- Trick: catastrophic backtracking in PCRE2, ^(?:[A-Za-z]+)*$ on 27 'a'
-- and '!' (tech.md §4: 0.106 s at the default limit; stops at once with
-- the 100 000 match limit).
local ok = re.test(string.rep("a", 27) .. "!", "^(?:[A-Za-z]+)*$")
