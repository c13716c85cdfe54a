"""The entry points: [`parse`][arnews.parse], [`parse_text`][arnews.parse_text],
[`parse_html`][arnews.parse_html]."""

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
        url: where the article was found, kept in ``Article.url``.
        options: reference time, size limit and charset; see
            [`ParseOptions`][arnews.ParseOptions].

    Returns:
        The parsed [`Article`][arnews.Article].

    Raises:
        InputTypeError: ``source`` is neither text nor bytes (also a ``TypeError``).
        InputTooLargeError: ``source`` exceeds ``options.max_input_size``.

    Examples:
        >>> art = parse("قمة في الرياض\\n\\nالرياض - واس:\\nافتتح الأمير القمة اليوم.")
        >>> art.headline, art.dateline.agency, art.paragraphs[0].text
        ('قمة في الرياض', 'واس', 'افتتح الأمير القمة اليوم.')
        >>> page = "<html><body><h1>قمة في الرياض</h1><p>افتتح الأمير القمة.</p></body></html>"
        >>> parse(page).headline
        'قمة في الرياض'
    """
    return run(source, options=options, url=url)


def parse_text(source: Input, *, options: ParseOptions | None = None) -> Article:
    """Parse a plain-text article; markup is never interpreted.

    Args:
        source: the article as ``str`` or ``bytes``.
        options: see [`ParseOptions`][arnews.ParseOptions].

    Returns:
        The parsed [`Article`][arnews.Article].

    Raises:
        InputTypeError: ``source`` is neither text nor bytes.
        InputTooLargeError: ``source`` exceeds ``options.max_input_size``.

    Examples:
        >>> art = parse_text("الرياض - واس:\\nافتتح الأمير القمة اليوم.")
        >>> art.headline is None, art.dateline.place
        (True, 'الرياض')
    """
    return run(source, options=options, html=False)


def parse_html(
    source: Input, *, url: str | None = None, options: ParseOptions | None = None
) -> Article:
    """Parse an HTML page: metadata (dates, site name, canonical URL) and the article body.

    Args:
        source: the page as ``str`` or ``bytes`` (the page's own ``<meta charset>`` is read).
        url: where the page was found, kept in ``Article.url`` (dates in its path count).
        options: see [`ParseOptions`][arnews.ParseOptions].

    Returns:
        The parsed [`Article`][arnews.Article].

    Raises:
        InputTypeError: ``source`` is neither text nor bytes.
        InputTooLargeError: ``source`` exceeds ``options.max_input_size``.
        NotHTMLError: ``source`` is not an HTML document.

    Examples:
        >>> page = (
        ...     '<html><head><meta property="og:site_name" content="واس">'
        ...     '<meta property="article:published_time" content="2015-08-11T10:30:00+03:00">'
        ...     "</head><body><h1>قمة في الرياض</h1>"
        ...     "<p>افتتح الأمير القمة اليوم بحضور القادة.</p></body></html>"
        ... )
        >>> art = parse_html(page)
        >>> art.headline, art.site_name, art.published.isoformat()
        ('قمة في الرياض', 'واس', '2015-08-11T10:30:00+03:00')
    """
    return run(source, options=options, html=True, url=url)


def read_path(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a file, for the command line."""
    with open(path, "rb") as fh:
        return fh.read()
