-- SEK per level with an amount written as an exact number, num.parse("200/3"), as every
-- library parameter may be: check describes it as written (table.concat refused the
-- exact number: "invalid value (userdata) at index 2 in table for 'concat'"). [constructed]
model { id = "check-sek-per-level-exact", title = "Kronor per nivå, exakt belopp",
        basis = "comparison_price", lang = "sv" }
price "Pris" { }
scale "Nivå" { "Nivå 0", "Nivå 1", "Nivå 2" }
added_value "Kvalitet" { scale = "Nivå", panel = "consensus", deduction = { 0, num.parse("200/3"), "400/3" } }
