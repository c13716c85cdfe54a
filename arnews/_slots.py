"""Slot setters for records built by a hand-written ``__init__`` (internal).

A frozen attrs class refuses ``__setattr__``; a hand-written ``__init__`` (cheaper than the
generated one on hot paths) sets each slot through the slot's descriptor instead.
"""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["slot_setters"]


def slot_setters(cls: type) -> tuple[Any, ...]:
    """The ``__set__`` of each field's slot of the attrs class ``cls``, in field order.

    >>> @attrs.frozen(init=False)
    ... class Pair:
    ...     a: int
    ...     b: int
    >>> set_a, set_b = slot_setters(Pair)
    >>> p = object.__new__(Pair); set_a(p, 1); set_b(p, 2); p
    Pair(a=1, b=2)
    """
    return tuple(cls.__dict__[field.name].__set__ for field in attrs.fields(cls))
