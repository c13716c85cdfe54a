"""The pipeline: one visible list of stages, run in order over a frozen state.

    decode → read → layout → fold → (detectors) → assemble

Each stage is ``(State, Context) -> State``: it takes the frozen output of the stages before
it and returns a new state with its own part filled in. Nothing reaches back. Problems in
the content are sent to ``Context.notice``; only misuse raises (in ``decode``, before any
work). ``benchmarks/`` times each stage by walking :data:`STAGES`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import attrs
import regex

from arnews.detect.attributions import RawAttribution, detect_attributions
from arnews.detect.dates import detect_dates, finish_dates
from arnews.detect.quotes import RawQuote, detect, folded_blocks
from arnews.detect.sources import NP, link
from arnews.errors import InputTypeError, NotHTMLError
from arnews.layout import Layout, layout
from arnews.model import Article, Attribution, DateMention, Notice, Quote, Source
from arnews.options import ParseOptions
from arnews.read.blocks import ReadResult
from arnews.read.decode import Source as Input
from arnews.read.decode import check_source, decode, sniff_charset
from arnews.read.text import read_text
from arnews.text.fold import Folded, fold

__all__ = ["STAGES", "Context", "State", "looks_like_html", "run"]


@attrs.define
class Context:
    """Per-call context: the options and the notices sink. Not shared between calls."""

    options: ParseOptions
    notices: list[Notice] = attrs.Factory(list)

    def notice(self, item: Notice) -> None:
        """Record a problem found in the content."""
        self.notices.append(item)


@attrs.frozen(kw_only=True, slots=False)
class State:
    """What the stages have produced so far (a new one after every stage: :func:`_evolve`)."""

    source: Input
    html: bool | None = None
    """``True``/``False`` when the caller said which; ``None``: decide from the content."""
    url: str | None = None
    text: str | None = None
    utf8: bytes | None = None
    """The text's UTF-8 bytes when decoding left the input's bytes as they were (or a ``str``
    input was encoded for the scan): the HTML reader hands them to libxml2 instead of
    encoding the text again."""
    read: ReadResult | None = None
    layout: Layout | None = None
    folded: Folded | None = None
    blocks: tuple[tuple[int, int, str], ...] = ()
    """The layout's blocks in folded offsets, with their roles (for the detectors)."""
    dates: tuple[DateMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    sources: tuple[Source, ...] = ()
    raw_quotes: tuple[RawQuote, ...] = ()
    """Quotes as detected (folded offsets, speakers not yet linked); assemble links them."""
    raw_attributions: tuple[RawAttribution, ...] = ()
    raw_mentions: tuple[NP, ...] = ()
    """Entities a pronoun speaker may point back to (found with the quotes)."""
    article: Article | None = None


Stage = Callable[[State, Context], State]


def _evolve(state: State, **changes: Any) -> State:
    """``attrs.evolve(state, **changes)`` at a third of the cost: State keeps its fields in a
    ``__dict__`` (not slotted), which a copy takes whole."""
    fields = state.__dict__.keys()
    if not fields >= changes.keys():
        raise TypeError(f"State has no field {sorted(changes.keys() - fields)}")
    new: State = object.__new__(State)
    new.__dict__.update(state.__dict__, **changes)
    return new


# The start of an HTML document: a doctype or one of the document-level tags.
_HTML_START: Final = regex.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    regex.IGNORECASE | regex.DOTALL,
)
_HTML_TAGS: Final = regex.compile(r"</(?:p|div|article|span|a|li|h[1-6])\s*>", regex.IGNORECASE)


def looks_like_html(text: str) -> bool:
    """Whether decoded input is an HTML page rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><html>..."), looks_like_html("قال الوزير <إن>")
    (True, False)
    """
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2


def _decode(state: State, ctx: Context) -> State:
    declared = None
    if state.html is not False and not isinstance(state.source, str):
        head = bytes(state.source[:4096])
        # a page's own <meta charset>, read only when the bytes start like a page
        if looks_like_html(head.decode("latin-1")):
            declared = sniff_charset(head)
    text, utf8 = decode(state.source, ctx.notice, options=ctx.options, declared=declared)
    html = looks_like_html(text) if state.html is None else state.html
    return _evolve(state, text=text, html=html, utf8=utf8)


def _read(state: State, ctx: Context) -> State:
    assert state.text is not None
    if state.html:
        from arnews.read.html import read_html  # lxml is imported only for pages

        return _evolve(
            state, read=read_html(state.text, ctx.notice, url=state.url, utf8=state.utf8)
        )
    return _evolve(state, read=read_text(state.text))


def _layout(state: State, ctx: Context) -> State:
    assert state.read is not None
    return _evolve(state, layout=layout(state.read, ctx.notice))


def _fold(state: State, ctx: Context) -> State:
    assert state.layout is not None
    folded = fold(state.layout.text)
    blocks = folded_blocks(folded, [(b.span, b.role) for b in state.layout.blocks])
    return _evolve(state, folded=folded, blocks=tuple(blocks))


def _dates(state: State, ctx: Context) -> State:
    assert state.folded is not None
    return _evolve(state, dates=detect_dates(state.folded, ctx.notice))


def _quotes(state: State, ctx: Context) -> State:
    assert state.folded is not None
    found, mentions = detect(state.folded, state.blocks, ctx.notice)
    return _evolve(state, raw_quotes=tuple(found), raw_mentions=tuple(mentions))


def _attributions(state: State, ctx: Context) -> State:
    assert state.folded is not None
    return _evolve(state, raw_attributions=tuple(detect_attributions(state.folded, state.blocks)))


def _assemble(state: State, ctx: Context) -> State:
    assert state.layout is not None
    assert state.read is not None
    lay = state.layout
    meta = state.read.meta
    if state.folded is not None and (state.raw_quotes or state.raw_attributions):
        # link quotes and attributions to one Source per entity; resolve pronoun speakers
        linked = link(state.folded, state.raw_quotes, state.raw_attributions, state.raw_mentions)
        state = _evolve(state, quotes=linked[0], attributions=linked[1], sources=linked[2])
    reference = ctx.options.reference_time
    published, dates = finish_dates(state.dates, lay, meta.published, reference)
    article = Article(
        text=lay.text,
        headline=lay.headline,
        headline_span=lay.headline_span,
        subheadline=lay.subheadline,
        dateline=lay.dateline,
        byline=lay.byline or meta.authors,
        published=published,
        modified=meta.modified,
        url=state.url or meta.url,
        site_name=meta.site_name,
        sections=lay.sections,
        quotes=state.quotes,
        attributions=state.attributions,
        dates=dates,
        sources=state.sources,
        boilerplate=lay.boilerplate,
        notices=tuple(ctx.notices),
    )
    return _evolve(state, article=article)


STAGES: Final[tuple[tuple[str, Stage], ...]] = (
    ("decode", _decode),
    ("read", _read),
    ("layout", _layout),
    ("fold", _fold),
    ("dates", _dates),
    ("quotes", _quotes),
    ("attributions", _attributions),
    ("assemble", _assemble),
)
"""The stages, in order, by name."""


def run(
    source: object,
    *,
    options: ParseOptions | None = None,
    html: bool | None = None,
    url: str | None = None,
) -> Article:
    """Check ``source`` and run every stage over it.

    Raises:
        InputTypeError: ``source`` is not text or bytes, ``options`` not a ParseOptions,
            ``url`` not a str.
        InputTooLargeError: ``source`` exceeds ``options.max_input_size``.
    """
    if options is not None and not isinstance(options, ParseOptions):
        raise InputTypeError(f"options must be arnews.ParseOptions, got {type(options).__name__}")
    if url is not None and not isinstance(url, str):
        raise InputTypeError(f"url must be a str, got {type(url).__name__}")
    ctx = Context(options=options or ParseOptions())
    state = State(source=check_source(source, ctx.options), html=html, url=url)
    try:
        for _name, stage in STAGES:
            state = stage(state, ctx)
    except NotHTMLError:
        if html is not None:
            raise
        # it started like a page («<!DOCTYPE html» and nothing else): read it as text
        article = run(source, options=ctx.options, html=False, url=url)
        unreadable = Notice(code="html.unreadable", message="looked like HTML; read as text")
        return attrs.evolve(article, notices=(unreadable, *article.notices))
    assert state.article is not None
    return state.article
