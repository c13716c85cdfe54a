"""Word lists as one regular expression with their common starts shared (a trie).

The stdlib engine tries the branches of an alternation one after the other; written as a
trie, a list of thousands of words is rejected at each position by its first letters.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["trie_pattern"]


def trie_pattern(
    sequences: Iterable[tuple[str, ...]],
    *,
    atom: Callable[[str], str] = re.escape,
    end: str = "",
) -> str:
    """One regular expression for ``sequences`` of atoms, their common starts shared.

    Args:
        sequences: each a tuple of atoms (usually the letters of a word).
        atom: the pattern of one atom (by default the atom itself, escaped).
        end: the pattern that stands where a sequence ends; when a longer sequence goes on
            from there, the end is the last branch (so the longer one is tried first).

    Returns:
        The pattern, uncompiled (the callers add their own boundaries).

    >>> p = trie_pattern([tuple("قال"), tuple("قالت"), tuple("أكد")])
    >>> p
    '(?:أكد|قال(?:ت|))'
    >>> [m.group() for m in re.finditer(p, "قالت وأكد وقال")]
    ['قالت', 'أكد', 'قال']
    """
    root: dict[str, dict[str, Any]] = {}
    for atoms in sequences:
        node = root
        for a in atoms:
            node = node.setdefault(a, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [atom(a) + emit(sub) for a, sub in sorted(node.items()) if a]
        if "" in node:
            branches.append(end)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(root)
