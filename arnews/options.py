"""Options for a parse call."""

from __future__ import annotations

import datetime as dt
from typing import Final

import attrs

from arnews.errors import OptionsError, OptionsTypeError

__all__ = ["DEFAULT_MAX_INPUT_SIZE", "ParseOptions"]

DEFAULT_MAX_INPUT_SIZE: Final = 20_000_000
"""Default input limit: 20 million characters (``str``) or bytes (``bytes``)."""


def _positive(inst: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise OptionsTypeError(f"{attribute.name} must be a positive int, got {value!r}")
    if value <= 0:
        raise OptionsError(f"{attribute.name} must be a positive int, got {value!r}")


def _charset(inst: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise OptionsTypeError(f"encoding must be a charset name (str) or None, got {value!r}")


def _reference(
    inst: object, attribute: attrs.Attribute[dt.datetime | dt.date | None], value: object
) -> None:
    if value is not None and not isinstance(value, dt.date):
        raise OptionsTypeError(
            f"reference_time must be a datetime.date or datetime.datetime, got {value!r}"
        )


@attrs.frozen(kw_only=True)
class ParseOptions:
    """How to parse: pass one to [`parse`][arnews.parse] as ``options=``.

    Attributes:
        reference_time: when the article was written, for relative dates («أمس»,
            «الأحد الماضي»). ``None`` (the default) uses the article's own publication date
            when it states one; arnews never reads the wall clock.
        max_input_size: inputs longer than this (characters for ``str``, bytes for
            ``bytes``; default 20 million, 20 000 000) raise
            [`InputTooLargeError`][arnews.InputTooLargeError] before any work, in every entry
            point and in the command line (which checks a file's size before reading it).
        encoding: the charset the caller knows (an HTTP ``Content-Type`` header); tried
            first for ``bytes`` input. A name that is not a text charset is ignored with a
            ``decode.unknown-charset`` notice.

    Raises:
        OptionsTypeError: a value of the wrong type (also a ``TypeError``).
        OptionsError: a value of the right type that cannot be used (``max_input_size=0``).

    Examples:
        >>> import datetime
        >>> ParseOptions(reference_time=datetime.date(2015, 8, 11)).reference_time
        datetime.date(2015, 8, 11)
        >>> ParseOptions(max_input_size=0)
        Traceback (most recent call last):
        ...
        arnews.errors.OptionsError: max_input_size must be a positive int, got 0
    """

    reference_time: dt.datetime | dt.date | None = attrs.field(default=None, validator=_reference)
    max_input_size: int = attrs.field(default=DEFAULT_MAX_INPUT_SIZE, validator=_positive)
    encoding: str | None = attrs.field(default=None, validator=_charset)
