-- expect: number too large for exact arithmetic$
-- Trick: an exponent that does not fit in GMP's unsigned long, hoping for a
-- wrap to a small one (exponent given as a huge exact integer).
local x = num.parse("2") ^ num.parse("18446744073709551617")
