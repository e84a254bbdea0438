-- expect: attempt to call a nil value \(global 'require'\)
-- Trick: require a C module or the os library (package is never opened,
-- require is removed; tech.md §3).
local os = require("os")
