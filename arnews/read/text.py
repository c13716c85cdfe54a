"""read (plain text): lines → blocks.

Paragraphs are separated by blank lines or by single newlines; text hard-wrapped at a fixed
width (lines of ~80 columns continuing mid-sentence, as in the EASC corpus) is re-flowed.
Whitespace is tidied (runs of spaces, tabs and no-break spaces become one space) and HTML
entities left in crawled text («&quot;», «&nbsp;») are unescaped.
"""

from __future__ import annotations

import html
import re
from typing import Final

import regex

from arnews.read.blocks import Block, ReadResult, make_block
from arnews.text import chars

__all__ = ["read_text", "tidy", "visible_length"]

_ENTITY: Final = regex.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_SENTENCE_END: Final = regex.compile(rf"[{regex.escape(chars.SENTENCE_END)}][\"'»”)\]]*$")

# A text is hard-wrapped when most of its lines fill a narrow column.
# Marks that take no column: diacritics, tatweel, invisibles (a line's width ignores them).
# (one character class: the stdlib ``re`` counts these several times faster than ``regex``)
_NO_WIDTH: Final = re.compile(
    rf"[{chars.DIACRITICS}{chars.BIDI_CONTROLS}{chars.ZERO_WIDTH}{chars.TATWEEL}]"
)
_SPACE_RUN: Final = re.compile(" {2,}")
# Whitespace other than the plain space and the newline (what str.split() also splits at):
# a text without any needs no more tidying than collapsing and stripping plain spaces.
_ODD_SPACES: Final = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c not in " \n")
_ODD_SPACE: Final = re.compile("[" + re.escape(_ODD_SPACES) + "]")

_WRAP_MAX_WIDTH: Final = 110
_WRAP_MIN_LINES: Final = 4
_WRAP_FULL: Final = 0.8  # a line at least this share of the width "fills" it
_WRAP_SHARE: Final = 0.6  # share of lines that must fill it


def tidy(line: str) -> str:
    """One line with entities unescaped and horizontal whitespace collapsed and stripped.

    A line that is tidy already comes back as it is, not split into words and joined again
    (most lines): no «&», no space at either end nor two in a row, and no other whitespace
    (every whitespace character but the plain space is unprintable).

    >>> tidy("  قال&nbsp;الوزير  &quot;نعم&quot; "), tidy("قال الوزير")
    ('قال الوزير "نعم"', 'قال الوزير')
    """
    if (
        not line.startswith(" ")
        and not line.endswith(" ")
        and "&" not in line
        and "  " not in line
        and line.isprintable()
    ):
        return line
    if "&" in line and _ENTITY.search(line):
        line = html.unescape(line)
    # str.split() splits at every Unicode space (tabs, NBSP, U+2000–U+200A, U+202F, U+3000)
    return " ".join(line.split())


def visible_length(text: str) -> int:
    """The number of characters that take a column (marks and tatweel do not)."""
    return len(text) - len(_NO_WIDTH.findall(text))


def _wrap_width(lines: list[tuple[str, bool, bool]]) -> int | None:
    if len(lines) < _WRAP_MIN_LINES:
        return None
    # one line wider than any wrapping width settles it (most paragraphs are)
    for text, _, _ in lines:
        if len(text) > _WRAP_MAX_WIDTH and visible_length(text) > _WRAP_MAX_WIDTH:
            return None
    lengths = [visible_length(text) for text, _, _ in lines]
    width = max(lengths)
    if width > _WRAP_MAX_WIDTH or width < 40:
        return None
    full = [text for (text, _, _), n in zip(lines, lengths, strict=True) if n >= _WRAP_FULL * width]
    # wrapped lines break mid-sentence; paragraphs that happen to be short end in a full stop
    open_ended = sum(1 for text in full if _SENTENCE_END.search(text) is None)
    if len(full) >= _WRAP_SHARE * len(lengths) and open_ended >= 0.5 * len(full):
        return width
    return None


def read_text(text: str) -> ReadResult:
    """Split decoded text into blocks (one per paragraph candidate)."""
    lines: list[tuple[str, bool, bool]] = []  # (text, gap_before, indented)
    gap = False
    if "&" in text:  # entities are unescaped line by line, before the spaces are tidied
        tidied = [tidy(raw) for raw in text.split("\n")]
        indents = [raw[:1].isspace() for raw in text.split("\n")]
        for line, indent in zip(tidied, indents, strict=True):
            if not line:
                gap = True
                continue
            lines.append((line, gap, indent))
            gap = False
    else:
        # the same tidying over the whole text: any whitespace but the newline becomes a
        # space, runs of spaces one space, and each line is stripped
        text = _ODD_SPACE.sub(" ", text)
        if "  " in text:
            text = _SPACE_RUN.sub(" ", text)
        for raw in text.split("\n"):
            line = raw.strip(" ")
            if not line:
                gap = True
                continue
            lines.append((line, gap, raw[0] == " "))
            gap = False
    width = _wrap_width(lines)
    if width is None:
        return ReadResult(blocks=tuple([make_block(t, "line", g) for t, g, _ in lines]))
    blocks: list[Block] = []
    current: list[str] = []
    current_gap = False
    for i, (line, gap_before, indented) in enumerate(lines):
        if current and (gap_before or indented):
            blocks.append(make_block(" ".join(current), "line", current_gap))
            current = []
        if not current:
            current_gap = gap_before or i == 0
        current.append(line)
        if _SENTENCE_END.search(line) and visible_length(line) < 0.85 * width:
            blocks.append(make_block(" ".join(current), "line", current_gap))
            current = []
    if current:
        blocks.append(make_block(" ".join(current), "line", current_gap))
    return ReadResult(blocks=tuple(blocks))
