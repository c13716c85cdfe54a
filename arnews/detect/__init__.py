"""Detectors: each reads the folded article text and returns items with spans."""
