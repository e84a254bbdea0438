-- expect: re.test: bad pattern .*using \\C is disabled
-- Trick: \C matches one byte even in UTF mode and can split a character
-- (tech.md §4: PCRE2_NEVER_BACKSLASH_C).
local ok = re.test("å", "^\\C")
