-- expect: attempt to call a nil value \(global 'load'\)
-- Trick: load crafted bytecode (CVE-2015-4335, the Redis loadstring escape;
-- "maliciously crafted bytecode can crash the interpreter", manual §load).
-- load is gone, and chunks are loaded with mode "t" (see test_sandbox.c).
local f = load("\27Lua\84\0\25\147\13\10\26\10\4\8\8\120\86", "x", "b")
