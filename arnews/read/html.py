"""read (HTML): page → content blocks and page metadata. lxml objects never leave here.

A first reader: a safe lxml parse (no network, no entity expansion, no file access), the
headline from ``og:title``/``<h1>``/``<title>``, sub-headings from ``<h2>``–``<h4>`` and
paragraphs from ``<p>``, with navigation, scripts, styles, forms and asides dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import lxml.etree
import lxml.html

from arnews.errors import NotHTMLError
from arnews.model import Notice
from arnews.read.blocks import Block, BlockKind, PageMeta, ReadResult
from arnews.read.text import tidy

__all__ = ["read_html"]

NoticeSink = Callable[[Notice], None]

_DROP: Final = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form")
_BLOCK_KINDS: Final[dict[str, BlockKind]] = {
    "h1": "headline",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "p": "paragraph",
}


def _text(element: lxml.html.HtmlElement) -> str:
    return "".join(str(t) for t in element.itertext())


def _parser() -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, recover=True, encoding="utf-8"
    )


def read_html(text: str, notice: NoticeSink, *, url: str | None = None) -> ReadResult:
    """Read a decoded page.

    Raises:
        NotHTMLError: nothing in ``text`` parses as an HTML element.
    """
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_parser())
    except (lxml.etree.ParserError, ValueError) as exc:
        raise NotHTMLError(f"not an HTML document: {exc}") from exc
    for element in list(root.iter(*_DROP)):
        parent = element.getparent()
        if parent is not None:
            element.tail = None
            parent.remove(element)
    title = None
    for og in root.iter("meta"):
        if og.get("property") == "og:title" and og.get("content"):
            title = tidy(og.get("content") or "") or None
            break
    if title is None:
        for element in root.iter("title"):
            title = tidy(_text(element)) or None
    blocks: list[Block] = []
    for element in root.iter(*_BLOCK_KINDS):
        content = tidy(_text(element))
        if not content:
            continue
        kind = _BLOCK_KINDS[str(element.tag)]
        if kind == "headline":
            if blocks:
                continue
            title = content
        blocks.append(Block(text=content, kind=kind, gap_before=True))
    if title and not (blocks and blocks[0].kind == "headline"):
        blocks.insert(0, Block(text=title, kind="headline", gap_before=True))
    return ReadResult(blocks=tuple(blocks), meta=PageMeta(title=title, url=url))
