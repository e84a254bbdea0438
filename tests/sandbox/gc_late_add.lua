-- expect: ^gc_late_add.lua:12: late __gc ignored$
-- Trick: add __gc to a metatable after setmetatable. Lua marks objects for
-- finalization only at setmetatable time (manual §2.5.3), so the late
-- function never runs; the garbage below forces several collections.
-- (tech.md §3: "a late-added __gc is ignored", verified there.)
local mt = {}
local objs = {}
for i = 1, 1000 do objs[i] = setmetatable({}, mt) end
mt.__gc = function() while true do end end
objs = nil
for i = 1, 200000 do local x = { i, tostring(i) } end
error("late __gc ignored")
