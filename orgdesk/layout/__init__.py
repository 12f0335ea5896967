"""Chart layout: a compact tidy-tree layout for org charts, pure Python (no Qt)."""
