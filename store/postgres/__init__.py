"""The PostgreSQL engine (the optional `workbench[postgres]` extra): a team's store.

Imported only when a database URL is given, so the file store needs nothing installed.
"""

from store.postgres.store import PostgresStore

__all__ = ["PostgresStore"]
