-- expect: attempt to index a nil value \(global 'package'\)
-- Trick: package.loadlib loads any shared library and calls into it.
local f = package.loadlib("libc.so.6", "system")
