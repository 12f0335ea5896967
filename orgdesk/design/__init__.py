"""Designing the organisation: sizing the agents from the workload, deriving the support
structure from the span rules (pure Python over core, analysis and library; services to apply)."""
