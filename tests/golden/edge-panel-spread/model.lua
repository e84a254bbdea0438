-- Panel median with a disagreement flag: the evaluators' scores for a bid may lie
-- at most 2 points apart before the output asks the panel to discuss them.
-- Source: research/domain-models.md §3.1 (panels, consensus). [constructed]
model { id = "edge-panel-spread", title = "Panel median and spread", basis = "points" }
criterion "Metod" { max = 10, panel = "median", spread = 2 }
price "Pris" { max = 10, formula = lowest_ratio }
