enum AggregationPlaceholder {}
