"""Answering a typed question: the results as rows, one evaluator over them, and the words."""
