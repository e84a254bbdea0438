-- expect: re.test: bad pattern at character [0-9]+: parentheses are too deeply nested
-- Trick: deeply nested groups exhaust the compiler's stack (tech.md §4:
-- pcre2_set_parens_nest_limit 50).
local ok = re.test("a", string.rep("(", 200) .. "a" .. string.rep(")", 200))
