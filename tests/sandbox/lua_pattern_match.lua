-- expect: string.match is not available in models .*use re.match
-- Trick: the same backtracking through string.match (tech.md §3, hole 1;
-- Redis CVE-2024-31228, CVE-2022-36021 were pattern-matching bugs).
local m = string.rep("a", 200):match(".-.-.-.-b")
