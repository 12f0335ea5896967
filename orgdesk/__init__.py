"""orgdesk: a desktop org-chart editor for call-center organisations."""
from __future__ import annotations

__version__ = "0.1.0"
