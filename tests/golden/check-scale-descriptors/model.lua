-- `check` must warn when scale levels have no descriptor: the documents must say what
-- earns each level (UHM frågeportalen; research/domain-models.md §3.2). [constructed]
model { id = "check-scale-descriptors", title = "Skala utan beskrivningar", basis = "points" }
scale "Betyg" { "Låg", "Medel", { "Hög", 2, "Överträffar kraven med belägg" } }
criterion "Metod" { max = 10, scale = "Betyg" }
price "Pris" { max = 10, formula = lowest_ratio }
