"""The team library: projects, immutable versions and shared job descriptions on PostgreSQL.

One consultant keeps working offline with `.orgdesk` files; a team points orgdesk at a
PostgreSQL server (a SQLAlchemy URL, psycopg 3) to publish documents as immutable
versions, pull them back as ordinary local files, merge concurrent work and share
job descriptions.  Nothing here is needed to open or save a local document.
"""
