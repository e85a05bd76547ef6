"""The loaded knowledge: its catalog and search, and what is known of its sources and outcomes."""
