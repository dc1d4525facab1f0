"""The Textual user interface. Screens reach data only through the store (store.Store)."""
