"""The entry points: :func:`parse`, :func:`parse_text`, :func:`parse_html`."""

from __future__ import annotations

import os

from arnews.model import Article
from arnews.options import ParseOptions
from arnews.pipeline import run

__all__ = ["parse", "parse_html", "parse_text", "read_path"]

Input = str | bytes | bytearray | memoryview


def parse(source: Input, *, url: str | None = None, options: ParseOptions | None = None) -> Article:
    """Parse an article given as plain text or as an HTML page (detected from the content).

    Args:
        source: the article as ``str``, or as ``bytes`` in any encoding arnews detects
            (UTF-8 with or without BOM, UTF-16 with BOM, windows-1256).
        url: where the article was found, kept in :attr:`Article.url`.
        options: reference time and limits; see :class:`ParseOptions`.

    Returns:
        The parsed :class:`Article`.

    Raises:
        InputTypeError: ``source`` is neither text nor bytes (also a ``TypeError``).
        InputTooLargeError: ``source`` exceeds ``options.max_input_size``.

    >>> art = parse("قمة في الرياض\\n\\nالرياض - واس:\\nافتتح الأمير القمة اليوم.")
    >>> art.headline, art.dateline.agency, art.paragraphs[0].text
    ('قمة في الرياض', 'واس', 'افتتح الأمير القمة اليوم.')
    """
    return run(source, options=options, url=url)


def parse_text(source: Input, *, options: ParseOptions | None = None) -> Article:
    """Parse a plain-text article (never read as HTML). See :func:`parse`."""
    return run(source, options=options, html=False)


def parse_html(
    source: Input, *, url: str | None = None, options: ParseOptions | None = None
) -> Article:
    """Parse an HTML page. See :func:`parse`.

    Raises:
        NotHTMLError: ``source`` is not an HTML document.
    """
    return run(source, options=options, html=True, url=url)


def read_path(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, for the command line."""
    with open(path, "rb") as fh:
        return fh.read()
