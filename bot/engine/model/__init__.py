"""The types the reader produces and the evaluator computes: shared, depending on nothing."""
