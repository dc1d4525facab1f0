"""Opening a store from where it is: a file (TinyDB) or a PostgreSQL URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import StoreError
from store.replay import database_files
from workbench.core.files.database_url import is_server_url

if TYPE_CHECKING:
    from store.protocol import Store
    from store.read_memo import ReadMemo

MISSING_DRIVER = (
    "a PostgreSQL database needs the postgres extra: pip install 'workbench[postgres]' (psycopg 3)"
)


def open_store(
    location: Path | str | None,
    annotator: str,
    read_only: bool = False,
    memo: ReadMemo | None = None,
) -> Store:
    """The store at `location`: a postgresql:// URL opens PostgresStore, anything else
    the file store (None: in memory). Raises StoreError as the engine's open() does,
    and StoreError naming the extra to install when a URL is given without it. `memo`:
    a read-only file store takes again what this process's last open of it parsed
    (store/read_memo.py; a server has nothing to parse)."""
    if isinstance(location, str) and is_server_url(location):
        try:
            from store.postgres import PostgresStore
        except ModuleNotFoundError as error:
            if error.name is not None and error.name.split(".")[0] == "psycopg":
                raise StoreError(MISSING_DRIVER) from error
            raise
        return PostgresStore.open(location, annotator, read_only)
    from store.annotation_store import AnnotationStore  # not for database_exists: a served
    # summary asks only that (store/__init__.py)

    path = Path(location).expanduser() if location is not None else None
    return AnnotationStore.open(path, annotator, read_only, memo)


def database_exists(location: Path | str) -> bool:
    """True if there is a database to read at `location`: a file database's files are
    there, or it is a server (whose open says whether the database is)."""
    if isinstance(location, str) and is_server_url(location):
        return True
    return bool(database_files(Path(location).expanduser()))
