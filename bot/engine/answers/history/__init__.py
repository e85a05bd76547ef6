"""Answers across elections: a seat's result in an earlier year, its record, who holds it now,
a party's totals and trend, a person's results and the by-elections (results/elections.py)."""
