"""Election night: the results feed, the replay of 2024, and what the front ends share of it."""
