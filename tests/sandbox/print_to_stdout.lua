-- expect: ^print_to_stdout.lua:6: printed nothing$
-- Trick: write to stdout (and so into the CLI's output or a report piped
-- from it) with print and warn. They only collect lines in the registry;
-- the runner fails any test that writes to stdout.
for i = 1, 2000 do print(("x"):rep(5000), i) warn("@on") warn("w", "x") end
error("printed nothing")
