"""Files named from outside: read without blocking (regular.py), written atomically (atomic.py).

Used by every wing, by the store and by the config: the lowest layer of core but the model.
"""
