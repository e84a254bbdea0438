-- expect: ^memory_pcall_rethrow.lua:7: memory limit exceeded \(64 MiB\)$
-- Trick: catch the out-of-memory error and rethrow it as a plain string,
-- hoping to hide what happened. The message is still named as the cap.
local ok, e = pcall(function()
  local t = {} while true do t[#t + 1] = ("x"):rep(1000 * 1000) .. #t end
end)
error(e)
