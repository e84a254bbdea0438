-- expect: re.test: bad pattern at character [0-9]+: regular expression is too large
-- Trick: a short pattern whose compiled form explodes, since fixed
-- repetitions of groups are compiled as copies. PCRE2's link size (2 on
-- Debian) caps the compiled pattern at 64 KiB.
local ok = re.test("a", "(?:(?:(?:a{1000}){1000}){1000})")
