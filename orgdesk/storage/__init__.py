"""Storage of organisation documents in `.orgdesk` files (SQLite via SQLAlchemy 2.x).

ORM objects never leave this package: it hands out and accepts the core's
frozen entities.
"""
