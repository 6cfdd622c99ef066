"""Benchmarks run by hand against the shared corpora; not part of the installed package."""
