-- expect: attempt to index a boolean value
-- Trick: getmetatable('').__index = {...} changes every string method for
-- all code in the state (verified in tech.md §3: ('a'):upper() -> "pwned").
-- The string metatable's __metatable field hides it.
getmetatable("").__index = { upper = function() return "pwned" end }
