-- expect: attempt to index a nil value \(global 'os'\)
-- Trick: run a shell command (os is never opened; tech.md §3).
os.execute("id")
