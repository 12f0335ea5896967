"""Analysis of an organisation: headcount roll-ups, span-of-control rules, comparing versions."""
