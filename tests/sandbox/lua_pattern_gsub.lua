-- expect: string.gsub is not available in models
-- Trick: gsub with a backtracking pattern and a callback that grows the
-- output; gmatch and gsub are replaced like match.
local s = ("x"):rep(100):gsub(".-.-.-y", function(c) return c .. c end)
