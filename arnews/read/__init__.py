"""Readers: bytes to text (``decode``), and text or HTML to content blocks."""
