"""What readers hand to layout: content blocks and page metadata (no lxml objects)."""

from __future__ import annotations

import datetime as dt
from typing import Literal, TypeAlias

import attrs

__all__ = ["Block", "BlockKind", "PageMeta", "ReadResult"]

BlockKind: TypeAlias = Literal["line", "paragraph", "heading", "headline", "caption"]
"""``line``: a paragraph candidate from plain text, layout decides what it is;
``paragraph``/``heading``/``headline``/``caption``: what the HTML markup says it is."""


@attrs.frozen(kw_only=True)
class Block:
    """One block of content, whitespace already tidied, never empty."""

    text: str
    kind: BlockKind = "line"
    gap_before: bool = False
    """A blank line (or a block boundary in markup) precedes it."""


@attrs.frozen(kw_only=True)
class PageMeta:
    """What only a page knows (HTML metadata). Plain text has none of it."""

    title: str | None = None
    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    authors: tuple[str, ...] = ()
    url: str | None = None
    site_name: str | None = None
    description: str | None = None


@attrs.frozen(kw_only=True)
class ReadResult:
    """The output of the read stage."""

    blocks: tuple[Block, ...]
    meta: PageMeta = PageMeta()
