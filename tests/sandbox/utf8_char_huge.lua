-- expect: value out of range
-- Trick: utf8.char with code points past the UTF-8 range, to overflow the
-- encoder's buffer.
local s = utf8.char(0x7FFFFFFF, math.maxinteger)
