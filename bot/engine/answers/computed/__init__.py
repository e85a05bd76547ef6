"""The evaluator: one computation for every typed question (Ask) over the results as rows."""
