-- expect: string longer than 1 MiB \(the limit of one string in a model\)$
-- Trick: doubling a string until memory runs out; s .. s is done in C. The
-- string cap (SANDBOX_MAX_STRING) stops it at 2 MiB, long before the
-- 64 MiB memory cap.
local s = "x"
while true do s = s .. s end
