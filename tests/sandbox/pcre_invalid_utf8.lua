-- expect: re.test: text is not valid UTF-8 at byte 3
-- Trick: invalid UTF-8 in the subject (a stray 0xFF), which would let a
-- match split characters or read past them (tech.md §4).
local ok = re.test("ab\255cd", "c")
