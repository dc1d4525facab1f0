"""Files named from outside: read without blocking (regular.py), written atomically (atomic.py);
a database's location, a file or a server's URL (database_url.py).

Used by every wing, by the store and by the config: the lowest layer of core but the model.
"""
