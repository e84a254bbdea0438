-- expect: too many results to unpack
-- Trick: select('#') of a huge table.unpack, to push 10^8 values on the
-- C stack (Redis CVE-2021-32626 was a Lua stack overflow write).
local n = select("#", table.unpack({}, 1, 1e8))
