"""layout: blocks → ``Article.text`` with headline, dateline, byline, sections; boilerplate out.

``Article.text`` is built here: the headline (when there is one), the dateline line, then
the body blocks (sub-headings and paragraphs), joined by blank lines. Every span layout
reports points into it. Lines removed as page furniture are kept, in order, for
``Article.boilerplate``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, Literal, TypeAlias

import attrs
import regex

from arnews._slots import slot_setters
from arnews.layout.boilerplate import (
    RULE_FIRST,
    furniture_first_words,
    furniture_key,
    is_boilerplate_line,
    is_end_mark,
    is_rule_or_hashtags,
    is_teaser_marker,
    is_teaser_title,
    is_trailer_stamp,
    split_lead,
)
from arnews.layout.dateline import DatelineParse, parse_dateline_line, parse_dateline_prefix
from arnews.model import Dateline, Notice, Paragraph, Section, Span, make_paragraph, make_span
from arnews.read.blocks import Block, ReadResult
from arnews.read.text import visible_length
from arnews.text.chars import TATWEEL

__all__ = ["BlockRole", "LaidBlock", "Layout", "is_heading", "layout"]

BlockRole: TypeAlias = Literal["headline", "dateline", "subheadline", "heading", "paragraph"]
NoticeSink = Callable[[Notice], None]

BLOCK_SEPARATOR: Final = "\n\n"
_SEPARATOR_LENGTH: Final = len(BLOCK_SEPARATOR)

_HEADLINE_MAX_WORDS: Final = 30
_HEADLINE_MAX_CHARS: Final = 250
_HEADING_MAX_WORDS: Final = 15
_HEADING_MAX_CHARS: Final = 120
# A headline or sub-heading does not end like a sentence or a clause («.», «،», «؛»);
# it may end in «؟», «!» or «:» («كيف ردت إيران؟»).
# «..» joins the halves of a headline (««جعجعة» المالكي ..») and does not end it.
_CLAUSE_END: Final = regex.compile(r"(?<!\.)[.,،;؛…][\"'»”)\]]*$")
_CLOSERS: Final = "\"'»”)]"  # what may follow the mark in _CLAUSE_END
_CLAUSE_MARKS: Final = ".,،;؛…"  # the marks of _CLAUSE_END
_LETTER: Final = regex.compile(r"\p{L}")
_TIMELINE_HEADING_MAX_WORDS: Final = 4
# A line opening with the conjunction و continues the text («وناقش في اجتماع …»);
# a question may still be a heading («ومحمد بن المنكدر ماذا كان يصنع؟»).
_CONTINUES: Final = regex.compile(r"^و\p{M}*\s?\p{M}*\p{L}")
# A list bullet opening a line: «* المجموعة الأولى», «• الأردن».
_BULLET: Final = regex.compile(r"^[*•▪◆■●]\s*")
_BULLETS: Final = "*•▪◆■●"  # what _BULLET opens with

# Template residue (conventions §5.10): «[أدخل التاريخ هنا]», «{{date}}», «XX/XX/XXXX».
_PLACEHOLDER: Final = regex.compile(
    r"\[[^\[\]\n]{0,40}(?:أدخل|ادخل|ضع|اكتب|إدراج|ادراج|insert|INSERT|Insert)[^\[\]\n]{0,40}\]"
    r"|\{\{[^{}\n]{1,40}\}\}"
    r"|\b(?:XX|xx|00|__)[/.-](?:XX|xx|00|__)[/.-](?:XXXX|xxxx|0000|____|XX|xx)\b"
)
_PLACEHOLDER_PARTS: Final = ("XX", "xx", "__")  # of «XX/XX/XXXX», besides «00»
# «00» and a separator (searched only in a text that holds a «00»: ``"00" in text`` costs a
# fraction of a ``regex`` call in most texts, and the literal scan of ``regex`` stays fast in
# a text full of digits)
_ZEROS_SEPARATOR: Final = regex.compile(r"00[/.\-]")
_DATE_WORD: Final = regex.compile(r"التاريخ|تاريخ|date|Date|DATE|\d|XX|xx|__")


@attrs.frozen(kw_only=True, init=False)
class LaidBlock:
    """A block of ``Article.text`` and what it is, for the detectors."""

    role: BlockRole
    span: Span

    # by hand (one per block): the slots set through their descriptors
    def __init__(self, *, role: BlockRole, span: Span) -> None:
        _set_role(self, role)
        _set_span(self, span)


_LAID_SLOTS: Final = slot_setters(LaidBlock)
_set_role: Final = _LAID_SLOTS[0]
_set_span: Final = _LAID_SLOTS[1]
_new: Final = object.__new__


def _laid(role: BlockRole, span: Span) -> LaidBlock:
    """``LaidBlock(role=role, span=span)``, positional (one per block)."""
    block: LaidBlock = _new(LaidBlock)
    _set_role(block, role)
    _set_span(block, span)
    return block


@attrs.frozen(kw_only=True, init=False)
class Layout:
    """The output of layout: the article text and its structure."""

    text: str
    blocks: tuple[LaidBlock, ...]
    headline: str | None = None
    headline_span: Span | None = None
    subheadline: str | None = None
    dateline: Dateline | None = None
    byline: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    boilerplate: tuple[str, ...] = ()

    def __init__(  # by hand, as LaidBlock's
        self,
        *,
        text: str,
        blocks: tuple[LaidBlock, ...],
        headline: str | None = None,
        headline_span: Span | None = None,
        subheadline: str | None = None,
        dateline: Dateline | None = None,
        byline: tuple[str, ...] = (),
        sections: tuple[Section, ...] = (),
        boilerplate: tuple[str, ...] = (),
    ) -> None:
        slots = _LAYOUT_SLOTS
        slots[0](self, text)
        slots[1](self, blocks)
        slots[2](self, headline)
        slots[3](self, headline_span)
        slots[4](self, subheadline)
        slots[5](self, dateline)
        slots[6](self, byline)
        slots[7](self, sections)
        slots[8](self, boilerplate)


_LAYOUT_SLOTS: Final = slot_setters(Layout)


def _ends_clause(text: str) -> bool:
    """``_CLAUSE_END.search(text)``, tried only where it can match: before the closers."""
    if text.endswith("\n"):  # «$» also matches before a final newline
        return _CLAUSE_END.search(text) is not None
    end = len(text.rstrip(_CLOSERS))
    # the match at end - 1, by hand: a mark there, not after a full stop («..» joins halves)
    return end > 0 and text[end - 1] in _CLAUSE_MARKS and (end < 2 or text[end - 2] != ".")


def _is_headline_like(text: str, max_words: int, max_chars: int) -> bool:
    # (the spaces of the start first: a paragraph has enough of them there)
    if text.count(" ", 0, 200) >= max_words or text.count(" ") >= max_words:
        return False
    # (no more visible characters than characters: most lines need no count of marks)
    if (len(text) > max_chars and visible_length(text) > max_chars) or _ends_clause(text):
        return False
    # two letters at least; most lines open with two (str.isalpha is \p{L})
    if len(text) > 1 and text[:2].isalpha():
        return True
    first = _LETTER.search(text)
    return first is not None and _LETTER.search(text, first.end()) is not None


def is_heading(text: str) -> bool:
    """A short line without closing punctuation: a sub-heading when a paragraph follows.

    >>> is_heading("مناقشات حول الأمن الإقليمي"), is_heading("وقال الوزير إن الاجتماع مثمر.")
    (True, False)
    """
    return _is_headline_like(text, _HEADING_MAX_WORDS, _HEADING_MAX_CHARS)


# What a line that is furniture by its shape alone opens with (besides spaces): «/» or «ا»
# of «// انتهى //», «#» of hashtags, the characters of a rule «-----».
_SHAPE_FIRST: Final = "/ا#" + RULE_FIRST
_END_WORD: Final = "انتهى"  # the word of the end mark «// انتهى //»


def _strip_boilerplate(blocks: Sequence[Block]) -> tuple[list[Block], list[str]]:
    kept: list[Block] = []
    removed: list[str] = []
    in_teasers = after_end = False
    spellings = furniture_first_words()
    for block in blocks:
        text = block.text
        kind = block.kind
        if kind == "caption":
            removed.append(text)
            continue
        if kind == "headline":
            kept.append(block)
            continue
        # None: no furniture phrase can match this line. (furniture_key's first test, inline:
        # a line opening with a word of letters that starts no phrase)
        end = text.find(" ")
        word = text if end < 0 else text[:end]
        if word and word.isalpha() and word.replace(TATWEEL, "") not in spellings:
            if not after_end and not in_teasers and word[0] != TATWEEL and word != _END_WORD:
                # a line opening with a word of letters is no end mark, rule or hashtags
                kept.append(block)
                continue
            key = None
        else:
            key = furniture_key(text)
        if key is None and not after_end and not in_teasers:
            # only a shape can make it furniture now (an end mark, a rule, hashtags), and
            # each opens with one of a few characters: most lines open with a letter
            first = text[:1]
            if first not in _SHAPE_FIRST and not first.isspace():
                kept.append(block)
                continue
        if key is not None and (lead := split_lead(text, key)) is not None:
            removed.append(lead[0])
            text = lead[1]
            key = furniture_key(text)
            block = attrs.evolve(block, text=text)
        if is_end_mark(text):
            removed.append(text)
            after_end = True
            continue
        if after_end and is_trailer_stamp(text):
            removed.append(text)
            continue
        if key is not None and is_teaser_marker(text, key):
            removed.append(text)
            in_teasers = True
            continue
        if in_teasers and is_teaser_title(text):
            removed.append(text)
            continue
        in_teasers = False
        # (not an end mark: that was checked above)
        if is_boilerplate_line(text, key) if key is not None else is_rule_or_hashtags(text):
            removed.append(text)
            continue
        kept.append(block)
    return kept, removed


class _TextBuilder:
    """Joins blocks with blank lines and records where each one lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.start = 0  # where the next block starts
        self.blocks: list[LaidBlock] = []

    def add(self, text: str, role: BlockRole) -> Span:
        start = self.start
        span = make_span(start, start + len(text))
        self.start = start + len(text) + _SEPARATOR_LENGTH
        self.parts.append(text)
        self.blocks.append(_laid(role, span))
        return span

    def text(self) -> str:
        return BLOCK_SEPARATOR.join(self.parts)


class _Datelines:
    """:func:`parse_dateline_line` of the lines of one article, each line parsed once.

    A line read as a dateline without ``byline_only_ok`` reads the same with it (the flag
    only lets more lines through), so that answer serves both.
    """

    def __init__(self) -> None:
        self.seen: dict[tuple[str, bool], DatelineParse | None] = {}

    def parse(self, line: str, *, byline_only_ok: bool) -> DatelineParse | None:
        if len(line) > 120:  # (no dateline: not worth a key)
            return parse_dateline_line(line, byline_only_ok=byline_only_ok)
        seen = self.seen
        if (line, byline_only_ok) in seen:
            return seen[line, byline_only_ok]
        if byline_only_ok and (strict := seen.get((line, False))) is not None:
            return strict
        found = seen[line, byline_only_ok] = parse_dateline_line(
            line, byline_only_ok=byline_only_ok
        )
        return found


def _take_dateline(
    body: list[Block], datelines: _Datelines, *, after_headline: bool
) -> tuple[DatelineParse, str, list[Block]] | None:
    """The dateline at the start of ``body``: (parse, its text, the body after it)."""
    if not body or body[0].kind in ("heading", "headline"):
        return None
    first = body[0]
    rest = body[1:]
    # A line of its own: «أبوظبي - سكاي نيوز عربية», «المنامة: عبيد السهيمي». A bare name
    # counts only right after a headline, with more text after it.
    whole = datelines.parse(first.text, byline_only_ok=after_headline and bool(rest))
    if whole is not None and rest:
        return whole, first.text, rest
    inline = parse_dateline_prefix(first.text)
    if inline is not None:
        opener = first.text[: inline.end].rstrip()
        remainder = attrs.evolve(first, text=first.text[inline.end :].lstrip())
        return inline, opener, [remainder, *rest]
    return None


def layout(read: ReadResult, notice: NoticeSink) -> Layout:
    """Lay out the blocks of a read document (see the module docstring)."""
    blocks, boilerplate = _strip_boilerplate(read.blocks)
    builder = _TextBuilder()
    headline: str | None = None
    headline_span: Span | None = None
    body = blocks
    datelines = _Datelines()
    if body and (
        body[0].kind == "headline"
        or (
            body[0].kind == "line"
            and len(body) > 1
            and _is_headline_like(body[0].text, _HEADLINE_MAX_WORDS, _HEADLINE_MAX_CHARS)
            and (
                # a dateline line may open an article; a headline-like line before another
                # dateline line is the headline («لندن: الرد الروسي "لا يغير شيئا"»). (The
                # second line first: most often a dateline or a long paragraph, both quick
                # to tell, and a dateline read strictly is reused by _take_dateline.)
                datelines.parse(body[1].text, byline_only_ok=False) is not None
                or datelines.parse(body[0].text, byline_only_ok=False) is None
            )
        )
    ):
        headline = body[0].text
        headline_span = builder.add(headline, "headline")
        body = body[1:]

    dateline: Dateline | None = None
    byline: tuple[str, ...] = ()
    taken = _take_dateline(body, datelines, after_headline=headline is not None)
    if taken is not None:
        parse, opener, body = taken
        span = builder.add(opener, "dateline")
        dateline = Dateline(text=opener, span=span, place=parse.place, agency=parse.agency)
        byline = parse.byline

    subheadline: str | None = None
    if (
        len(body) > 1
        and body[0].kind == "line"
        and is_heading(body[0].text)
        and not is_heading(body[1].text)
        and headline is not None
    ):
        subheadline = body[0].text
        builder.add(subheadline, "subheadline")
        body = body[1:]

    sections: list[Section] = []
    heading: tuple[str, Span] | None = None
    paragraphs: list[Paragraph] = []
    # each block's text, kind and shape, read once (a paragraph has its many spaces early:
    # no call)
    texts = [b.text for b in body]
    kinds: list[str] = [b.kind for b in body]
    short = [t.count(" ", 0, 200) < _HEADING_MAX_WORDS and is_heading(t) for t in texts]
    # (the builder's add, inlined: one span, one laid block and one part per block)
    parts, laid, start = builder.parts, builder.blocks, builder.start
    for i in range(len(texts)):
        text = texts[i]
        kind = kinds[i]
        span = make_span(start, start + len(text))
        start += len(text) + _SEPARATOR_LENGTH
        parts.append(text)
        if kind == "heading" or (
            short[i] and kind == "line" and _opens_section(texts, kinds, short, i)
        ):
            laid.append(_laid("heading", span))
            if heading is not None or paragraphs:
                sections.append(_section(heading, paragraphs))
            heading = (text, span)
            paragraphs = []
        else:
            laid.append(_laid("paragraph", span))
            paragraphs.append(make_paragraph(text, span))
    builder.start = start
    if heading is not None or paragraphs:
        sections.append(_section(heading, paragraphs))

    text = builder.text()
    _notice_placeholders(text, notice)
    return Layout(
        text=text,
        blocks=tuple(builder.blocks),
        headline=headline,
        headline_span=headline_span,
        subheadline=subheadline,
        dateline=dateline,
        byline=byline,
        sections=tuple(sections),
        boilerplate=tuple(boilerplate),
    )


def _words(text: str) -> int:
    return text.count(" ") + 1


def _opens_section(texts: list[str], kinds: list[str], short: list[bool], i: int) -> bool:
    """Whether the short line ``texts[i]`` is a sub-heading, judged by the blocks around it.

    ``texts``, ``kinds``: the blocks' texts and kinds; ``short[j]`` tells whether block
    ``j`` has the shape of a heading (:func:`is_heading`).

    - before a paragraph, after a paragraph: «كيف ردت إيران؟» between two paragraphs;
    - a very short line before a line at least twice as long: the dates of a timeline
      («2 أكتوبر» before «جمال خاشقجي يدخل القنصلية السعودية في إسطنبول»);
    - a bulleted line before another bulleted short line: «* المجموعة الثانية: ...».
    The last of a run of short lines before a paragraph is a list item, not a heading,
    unless it is very short or bulleted.
    """
    text = texts[i]
    if i + 1 >= len(texts) or kinds[i + 1] == "heading" or not short[i]:
        return False
    if (
        text.startswith("و")  # (what _CONTINUES opens with)
        and _CONTINUES.match(text)
        and not text.endswith("؟")
    ):
        return False
    nxt = texts[i + 1]
    very_short = _words(text) <= _TIMELINE_HEADING_MAX_WORDS
    bullet = _BULLET.match(text) if text[:1] in _BULLETS else None
    if not short[i + 1]:
        return (
            i == 0
            or kinds[i - 1] == "heading"
            or not short[i - 1]
            or very_short
            or bullet is not None
        )
    if very_short and _words(nxt) >= 2 * _words(text):
        return True
    return bullet is not None and nxt.startswith(bullet.group())


def _section(heading: tuple[str, Span] | None, paragraphs: list[Paragraph]) -> Section:
    if heading is None:
        return Section(paragraphs=tuple(paragraphs))
    return Section(heading=heading[0], heading_span=heading[1], paragraphs=tuple(paragraphs))


def _may_hold_placeholder(text: str) -> bool:
    """A quick test that every placeholder passes: «[», «{», or «00/» and the like.

    Searching one character is many times faster than two: «X» is in few texts.
    """
    if "[" in text or "{" in text:
        return True
    if "00" in text and _ZEROS_SEPARATOR.search(text) is not None:
        return True
    return any(
        part[0] in text and part in text and any(part + sep in text for sep in "/.-")
        for part in _PLACEHOLDER_PARTS
    )


def _notice_placeholders(text: str, notice: NoticeSink) -> None:
    if not _may_hold_placeholder(text):
        return
    for m in _PLACEHOLDER.finditer(text):
        kind = "date" if _DATE_WORD.search(m.group()) else "text"
        notice(
            Notice(
                code=f"{kind}.placeholder",
                message=f"template placeholder left in the text: {m.group()}",
                span=Span(start=m.start(), end=m.end()),
            )
        )
