-- expect: attempt to index a boolean value
-- Trick: the num metatable has a host __gc (mpq_clear); every num is
-- marked for finalization, so replacing that __gc with a looping function
-- would hang in a finalizer. getmetatable on a num gives false.
getmetatable(num.parse("1")).__gc = function() while true do end end
