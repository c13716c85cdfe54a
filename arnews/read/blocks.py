"""What readers hand to layout: content blocks and page metadata (no lxml objects)."""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal, TypeAlias

import attrs

from arnews._slots import slot_setters

__all__ = ["Block", "BlockKind", "PageMeta", "ReadResult", "make_block"]

BlockKind: TypeAlias = Literal["line", "paragraph", "heading", "headline", "caption"]
"""``line``: a paragraph candidate from plain text, layout decides what it is;
``paragraph``/``heading``/``headline``/``caption``: what the HTML markup says it is."""


@attrs.frozen(kw_only=True, init=False)
class Block:
    """One block of content, whitespace already tidied, never empty."""

    text: str
    kind: BlockKind = "line"
    gap_before: bool = False
    """A blank line (or a block boundary in markup) precedes it."""

    # by hand (one per line of a text): the slots set through their descriptors
    def __init__(self, *, text: str, kind: BlockKind = "line", gap_before: bool = False) -> None:
        _set_text(self, text)
        _set_kind(self, kind)
        _set_gap_before(self, gap_before)


_set_text, _set_kind, _set_gap_before = slot_setters(Block)


def make_block(text: str, kind: BlockKind, gap_before: bool) -> Block:
    """``Block(text=text, kind=kind, gap_before=gap_before)``, positional (one per line).

    >>> make_block("نص", "line", True) == Block(text="نص", gap_before=True)
    True
    """
    block: Block = object.__new__(Block)
    _set_text(block, text)
    _set_kind(block, kind)
    _set_gap_before(block, gap_before)
    return block


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


_NO_META: Final = PageMeta()


@attrs.frozen(kw_only=True, init=False)
class ReadResult:
    """The output of the read stage."""

    blocks: tuple[Block, ...]
    meta: PageMeta = _NO_META

    def __init__(self, *, blocks: tuple[Block, ...], meta: PageMeta = _NO_META) -> None:
        _set_blocks(self, blocks)
        _set_meta(self, meta)


_set_blocks, _set_meta = slot_setters(ReadResult)
