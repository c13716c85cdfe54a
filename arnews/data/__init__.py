"""Word lists, as plain text files shipped with the package.

Format (checked by a test): UTF-8, one entry a line; ``#`` starts a comment line; blank lines
are ignored; ``|`` separates the variants of one entry (the first is the canonical name).
"""

from __future__ import annotations

import functools
from importlib import resources

__all__ = ["entries", "words"]


@functools.cache
def entries(name: str) -> tuple[tuple[str, ...], ...]:
    """The entries of ``arnews/data/<name>.txt``, each a tuple of its variants.

    >>> ("واس", "وكالة الأنباء السعودية") in [e[:2] for e in entries("agencies")]
    True
    """
    text = resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append(tuple(v.strip() for v in line.split("|") if v.strip()))
    return tuple(rows)


@functools.cache
def words(name: str) -> frozenset[str]:
    """Every variant of every entry of ``<name>.txt``, as one set."""
    return frozenset(v for entry in entries(name) for v in entry)
