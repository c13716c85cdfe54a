"""Detectors: pure functions over the folded view (dates, quotes, attributions, sources)."""
