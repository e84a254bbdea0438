-- expect: invalid conversion
-- Trick: a huge field width to make string.format build a giant buffer.
local s = string.format("%999999999d", 1)
