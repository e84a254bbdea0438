-- expect: bad argument #1 to 'setmetatable' \(table expected, got string\)
-- Trick: after getmetatable('') gives false, try to replace the string
-- metatable outright (setmetatable accepts only tables).
assert(getmetatable("") == false)
assert(("a"):upper() == "A")
setmetatable("", { __index = function() return "pwned" end })
