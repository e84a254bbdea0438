-- expect: re.test: pattern is longer than 1000 bytes
-- Trick: a huge pattern to blow up compile time and memory (tech.md §4:
-- pcre2_set_max_pattern_length).
local ok = re.test("x", string.rep("a", 5000))
