-- expect: model_library_parameter_injection.lua:5: value_for_money.s per must be a number
-- Trick: text in a library method's parameter that the library writes into
-- its Excel form (value_for_money's per).
model { id = "inject", title = "Inject", basis = "ratio",
        total = value_for_money { per = '1+0*WEBSERVICE({price})' } }
price "Pris" { }
criterion "Kvalitet" { max = 5 }
