"""make bench: how fast the engine answers, against a naive fuzzy baseline."""
