-- expect: ^pcre_possessive_scan.lua:6: re.test: match work limit exceeded
-- Trick: a*+[bc] on 300 000 'a': at each start position the possessive
-- repeat scans to the end without a backtracking step, so PCRE2's match
-- limit (per start position) never counts it: 45 000 000 000 characters.
-- The callout counts the characters scanned over all start positions.
local ok = re.test(string.rep("a", 300000), "a*+[bc]")
