"""Benchmarks of the workbench (`make bench`); results in docs/PERFORMANCE.md."""
