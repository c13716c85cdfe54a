"""read (HTML): page → content blocks and page metadata. lxml objects never leave here.

- **Safe parsing**: lxml's HTML parser with no network access; a DTD internal subset
  («<!DOCTYPE x [<!ENTITY ...>]>») is cut before parsing, so no entity is ever expanded and
  no external entity or file is read; the parser's own limits (nesting depth 256, text nodes
  of 10 MB) are kept, and hitting one is a notice (``html.truncated``), not a crash.
- **Metadata** (:mod:`arnews.read.meta`): headline, publication and modification times,
  authors, site name, canonical URL.
- **Content** (:mod:`arnews.read.html_content`): the article's blocks, page furniture out.

Input that holds no markup at all raises :class:`~arnews.NotHTMLError`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final, cast

import lxml.etree
import regex

from arnews.errors import NotHTMLError
from arnews.model import Notice
from arnews.read.blocks import Block, ReadResult
from arnews.read.html_content import content_blocks
from arnews.read.html_tree import Tree, TreeBuilder
from arnews.read.meta import read_meta

__all__ = ["read_html"]

NoticeSink = Callable[[Notice], None]

# Some markup: a tag, an end tag, a comment or a doctype («<p», «</div>», «<!--», «<!DOCTYPE»).
_MARKUP: Final = regex.compile(r"<(?:[A-Za-z][A-Za-z0-9:-]*[\s/>]|/[A-Za-z]|!--|!doctype)", regex.I)
# The start of a doctype with an internal subset: «<!DOCTYPE lolz [».
_DOCTYPE_SUBSET: Final = regex.compile(r"<!DOCTYPE[^<>\[]{0,400}\[", regex.IGNORECASE)
_SUBSET_SCAN: Final = 1_000_000  # how far a DTD subset is looked for
# A start or end tag, for the nesting repair: «<div class="x">», «</div>», «<br/>».
_TAG: Final = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]{0,40})(?:\s[^<>]*)?(/?)>")
# Elements that never hold others, and those the parser closes by itself («<p>a<p>b»): they
# add no lasting depth.
_NO_DEPTH: Final = frozenset(
    (
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "p", "li", "dt", "dd", "option", "tr", "td", "th"),
    )
)
_MAX_DEPTH: Final = 200  # libxml2 stops at 256 open elements; the repair keeps well below
_CLOSE_SEARCH: Final = 64  # how far down the open elements an end tag looks for its start


def _parser(builder: TreeBuilder) -> lxml.etree.HTMLParser:
    # no tree: the parser's events go straight into the flat lists (:mod:`html_tree`)
    return lxml.etree.HTMLParser(
        target=cast("Any", builder),  # the stubs want every method
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        recover=True,
        encoding="utf-8",
        huge_tree=False,
    )


def _without_dtd_subset(text: str) -> str:
    """``text`` with a DOCTYPE's internal subset (entity declarations) cut out."""
    m = _DOCTYPE_SUBSET.search(text, 0, 4096)
    if m is None:
        return text
    close = text.find("]>", m.end(), _SUBSET_SCAN)
    end = close + 2 if close >= 0 else m.end()
    return text[: m.start()] + text[end:]


def _shallow(text: str) -> str:
    """``text`` with the tags nested deeper than :data:`_MAX_DEPTH` taken out, text kept.

    Run only when the parser gave up on the nesting («<div>» × 100 000): one pass over the
    tags, each end tag matched against the open elements within a bounded distance.
    """
    out: list[str] = []
    last = 0
    stack: list[tuple[str, bool]] = []  # open elements: (name, kept)
    depth = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.group(1), m.group(2).lower(), m.group(3)
        if name in _NO_DEPTH or self_closing:
            continue
        keep = True
        if not closing:
            keep = depth < _MAX_DEPTH
            stack.append((name, keep))
            depth += keep
        else:
            for back in range(len(stack) - 1, max(len(stack) - _CLOSE_SEARCH, 0) - 1, -1):
                if stack[back][0] == name:
                    keep = stack[back][1]
                    depth -= sum(kept for _, kept in stack[back:])
                    del stack[back:]
                    break
        if not keep:
            out.append(text[last : m.start()])
            last = m.end()
    out.append(text[last:])
    return "".join(out)


def _document(data: bytes, parser: lxml.etree.HTMLParser) -> Tree:
    tree = cast(Tree, lxml.etree.fromstring(data, parser))
    if not tree.tags:
        raise lxml.etree.ParserError("Document is empty")
    return tree


def _parse(text: str, notice: NoticeSink, utf8: bytes | None) -> Tree:
    cut = _without_dtd_subset(text)
    if cut is not text or utf8 is None:
        utf8 = cut.encode("utf-8", "surrogatepass")
    text = cut
    builder = TreeBuilder()
    parser = _parser(builder)
    try:
        tree = _document(utf8, parser)
        if builder.too_deep:
            # the nesting limit: the rest of the page was dropped
            parser = _parser(TreeBuilder())
            tree = _document(_shallow(text).encode("utf-8", "surrogatepass"), parser)
            notice(
                Notice(
                    code="html.deep-nesting",
                    message=f"elements nested deeper than {_MAX_DEPTH} were flattened",
                )
            )
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError) as exc:
        raise NotHTMLError(f"not an HTML document: {exc}") from exc
    limits = [e for e in parser.error_log if "ERR_RESOURCE_LIMIT" in str(e) or e.level >= 3]
    if limits:
        notice(
            Notice(
                code="html.truncated",
                message=f"the page hit a parser limit and was cut: {limits[0].message}",
            )
        )
    return tree


def read_html(
    text: str, notice: NoticeSink, *, url: str | None = None, utf8: bytes | None = None
) -> ReadResult:
    """Read a decoded page into blocks and metadata.

    Args:
        text: the page, decoded.
        notice: where content problems go.
        url: where the page was found, if known (dates in its path count).
        utf8: ``text`` in UTF-8, when those bytes are at hand (libxml2 reads them as they
            are; :func:`arnews.read.decode.decode`).

    Returns:
        The headline block (when found) and the body blocks, with the :class:`PageMeta`.

    Raises:
        NotHTMLError: ``text`` holds no markup at all.

    >>> page = "<html><head><title>قمة الرياض - واس</title></head><body><h1>قمة الرياض</h1>"
    >>> page += "<p>افتتح الأمير القمة اليوم في الرياض بحضور القادة العرب.</p></body></html>"
    >>> [(b.kind, b.text) for b in read_html(page, print).blocks]
    [('headline', 'قمة الرياض'), ('line', 'افتتح الأمير القمة اليوم في الرياض بحضور القادة العرب.')]
    """
    if _MARKUP.search(text) is None:
        raise NotHTMLError("not an HTML document: no markup found")
    tree = _parse(text, notice, utf8)
    meta, headline_element = read_meta(tree, url=url)
    body = content_blocks(tree, headline=meta.title, keep=headline_element)
    blocks: list[Block] = []
    if meta.title:
        blocks.append(Block(text=meta.title, kind="headline", gap_before=True))
    blocks.extend(body)
    if not body:
        notice(Notice(code="html.no-content", message="no article text found in the page"))
    return ReadResult(blocks=tuple(blocks), meta=meta)
