"""Benchmarks, run by ``make bench`` (``python -m tests.bench``); they print figures.

They are not part of ``make test``; ``test_benchmarks_run.py`` runs each one at a tiny size so
that a change which breaks a benchmark is caught by the tests.
"""
