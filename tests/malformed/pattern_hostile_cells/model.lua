-- Malformed-input case pattern_hostile_cells: bids whose e-mail cells are
-- built against an unanchored e-mail pattern (32 000 bytes of 'a', then
-- "@x. " and a real address): PCRE2 scans to the '@' from every start
-- position, about 1 s a cell (15 cells). The match's work over all start
-- positions is limited (REGEX_WORK_LIMIT), so the first cell stops it.
model { id = "malformed", title = "Felaktiga indata", basis = "points" }
price "Pris" { max = 60, formula = lowest_ratio }
criterion "Kvalitet" { max = 40 }
field "E-post" { pattern = [[[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}]],
                 text = "E-postadress" }
