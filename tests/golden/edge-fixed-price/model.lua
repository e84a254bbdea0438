-- Fixed price, quality only (fast pris): the documents set the price and the
-- bids compete on quality alone; a tie goes to the better score on Miljö.
-- Source: Directive 2014/24/EU art. 67(2); research/domain-models.md §2.3
-- (Lidingö school meals). Provenance: [constructed].
model {
  id = "edge-fixed-price", title = "Skolmåltider till fast pris", basis = "points",
  tiebreak = { "Miljö" },
}
price "Pris" { fixed = 190000000 }
criterion "Kvalitet" { max = 10 }
criterion "Miljö" { max = 5 }
