"""The reliability suite: attacks the program the way real life does (see docs/RELIABILITY.md)."""
