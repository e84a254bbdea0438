-- expect: ^string_cap_16mib_compare.lua: string longer than 1 MiB \(the limit of one string in a model\)$
-- Trick: compare two 16 MiB strings in a loop: == and < walk both strings
-- in C (memcmp, strcoll) inside one VM instruction, so the instruction
-- budget never comes. No string may pass 1 MiB (SANDBOX_MAX_STRING).
local a = string.rep("x", 16 * 1024 * 1024)
local b = string.rep("x", 16 * 1024 * 1024)
while true do local _ = a == b or a < b end
