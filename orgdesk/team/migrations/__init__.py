"""Alembic migrations of the team library's schema, run programmatically (team/migrate.py)."""
