"""Exceptions. Only misuse raises; problems in the content become notices
([`Notice`][arnews.Notice]).

Every exception arnews raises derives from [`ArnewsError`][arnews.ArnewsError], and also
from the builtin it behaves like, so ``except ValueError`` keeps working.

Examples:
    >>> import arnews
    >>> try:
    ...     arnews.parse(b"x" * 100, options=arnews.ParseOptions(max_input_size=10))
    ... except ValueError as exc:
    ...     print(type(exc).__name__, isinstance(exc, arnews.ArnewsError))
    InputTooLargeError True
"""

from __future__ import annotations

__all__ = [
    "ArnewsError",
    "DecodeError",
    "InputTooLargeError",
    "InputTypeError",
    "NotHTMLError",
    "OptionsError",
    "OptionsTypeError",
]


class ArnewsError(Exception):
    """The root of every exception raised by arnews."""


class InputTypeError(ArnewsError, TypeError):
    """An argument of a parse call has the wrong type: the input is not ``str``, ``bytes``,
    ``bytearray`` or ``memoryview`` (a path must be read first), ``options`` is not a
    [`ParseOptions`][arnews.ParseOptions], or ``url`` is not a ``str``."""


class OptionsError(ArnewsError, ValueError):
    """[`ParseOptions`][arnews.ParseOptions] got a value it cannot use."""


class OptionsTypeError(OptionsError, TypeError):
    """[`ParseOptions`][arnews.ParseOptions] got a value of the wrong type (also a
    ``TypeError``)."""


class InputTooLargeError(ArnewsError, ValueError):
    """The input is larger than ``ParseOptions.max_input_size``; raised before any work.

    Attributes:
        size: the input's size (characters for ``str``, bytes for ``bytes``).
        limit: the ``max_input_size`` in force.
    """

    def __init__(self, size: int, limit: int) -> None:
        super().__init__(
            f"input of {size:,} characters/bytes exceeds max_input_size={limit:,}; "
            "raise ParseOptions.max_input_size to parse it"
        )
        self.size = size
        self.limit = limit


class DecodeError(ArnewsError, ValueError):
    """Bytes that cannot be read as text in any encoding arnews tries.

    Reserved: arnews decodes with replacement characters and a ``decode.replaced`` notice
    instead of raising.

    Attributes:
        position: the offset of the first offending byte, when known.
    """

    def __init__(self, message: str, *, position: int | None = None) -> None:
        where = f" (at byte offset {position})" if position is not None else ""
        super().__init__(message + where)
        self.position = position


class NotHTMLError(ArnewsError, ValueError):
    """``parse_html`` was given something that is not an HTML document."""
