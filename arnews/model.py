"""The public data model: frozen, slotted, keyword-only records.

Every extracted item carries a [`Span`][arnews.Span] into
[`Article.text`][arnews.Article], and
``article.text[item.span.start:item.span.end] == item.text`` holds for all of them
(``item.span.slice`` is the same slice as an object).

Records are immutable; derive a changed copy with ``attrs.evolve``. Sequences are tuples.
[`Article.to_dict`][arnews.Article.to_dict] / [`Article.to_json`][arnews.Article.to_json]
give a JSON-safe form (ISO dates, spans as ``[start, end]``) and
[`Article.from_dict`][arnews.Article.from_dict] reads it back:
``Article.from_dict(article.to_dict()) == article``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias, cast, get_args

import attrs

from arnews._slots import slot_setters

__all__ = [
    "Article",
    "Attribution",
    "Calendar",
    "DateMention",
    "Dateline",
    "Notice",
    "Paragraph",
    "Precision",
    "Quote",
    "QuoteKind",
    "Section",
    "Source",
    "SourceKind",
    "Span",
]

SourceKind: TypeAlias = Literal[
    "person", "official", "organization", "agency", "media", "anonymous", "document", "unknown"
]
"""What kind of entity a [`Source`][arnews.Source] is.

``person`` (named), ``official`` (named by office only: «وزير الخارجية»), ``organization``,
``agency`` (a news agency: «واس»), ``media`` (an outlet), ``anonymous`` («مصادر مطلعة»),
``document`` («البيان»), ``unknown``.
"""

QuoteKind: TypeAlias = Literal["direct", "indirect"]
"""``direct``: verbatim, in quote marks or after a colon; ``indirect``: reported speech."""

Calendar: TypeAlias = Literal["gregorian", "hijri"]
"""The calendar a [`DateMention`][arnews.DateMention]'s ``value`` is written in."""

Precision: TypeAlias = Literal["year", "month", "day", "minute"]
"""How much of a date the text fixes: ``"2015"``, ``"2015-08"``, ``"2015-08-11"``,
``"2015-08-11T10:30"``."""

SOURCE_KINDS: Final[frozenset[str]] = frozenset(get_args(SourceKind))
QUOTE_KINDS: Final[frozenset[str]] = frozenset(get_args(QuoteKind))
CALENDARS: Final[frozenset[str]] = frozenset(get_args(Calendar))
PRECISIONS: Final[frozenset[str]] = frozenset(get_args(Precision))


def _check_literal(allowed: frozenset[str]) -> Any:
    def check(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise ValueError(f"{attribute.name} must be one of {sorted(allowed)}, got {value!r}")

    return check


def _not_allowed(name: str, allowed: frozenset[str], value: object) -> ValueError:
    """The error of :func:`_check_literal`, for the hand-written ``__init__`` methods."""
    return ValueError(f"{name} must be one of {sorted(allowed)}, got {value!r}")


@attrs.frozen(kw_only=True, order=True, init=False)
class Span:
    """Half-open character offsets ``[start, end)`` into [`Article.text`][arnews.Article].

    Attributes:
        start: the offset of the first character.
        end: the offset after the last character (``start <= end``).

    Raises:
        ValueError: ``start`` is negative or after ``end``.

    Examples:
        >>> text = "قال الوزير"
        >>> span = Span(start=4, end=10)
        >>> text[span.slice]
        'الوزير'
    """

    start: int
    end: int

    # Written by hand (every detector builds spans): the check, then the two slots set
    # through their descriptors, which a frozen class's __setattr__ would refuse.
    def __init__(self, *, start: int, end: int) -> None:
        if not 0 <= start <= end:
            raise ValueError(f"invalid span [{start}, {end})")
        _set_start(self, start)
        _set_end(self, end)

    @property
    def slice(self) -> slice:
        """The span as a ``slice``, for ``text[span.slice]``."""
        return slice(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies inside this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character."""
        return self.start < other.end and other.start < self.end

    def to_list(self) -> list[int]:
        """``[start, end]``, the JSON form."""
        return [self.start, self.end]

    @classmethod
    def from_list(cls, value: Sequence[int]) -> Span:
        """Read the ``[start, end]`` JSON form."""
        start, end = value
        return cls(start=int(start), end=int(end))


_set_start, _set_end = slot_setters(Span)
_new: Final = object.__new__


def make_span(start: int, end: int) -> Span:
    """``Span(start=start, end=end)``, positional, for the library's inner loops (internal).

    The same check and error as ``Span``'s ``__init__``, at half the cost of a keyword call.

    >>> make_span(4, 10) == Span(start=4, end=10)
    True
    """
    if not 0 <= start <= end:
        raise ValueError(f"invalid span [{start}, {end})")
    span: Span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span


@attrs.frozen(kw_only=True, init=False)
class Notice:
    """A problem found in the content, reported instead of raised.

    Attributes:
        code: dotted, most general part first (``"date.placeholder"``,
            ``"decode.windows-1256"``, ``"quote.unbalanced"``); every code is listed in
            the Notices page of the user guide.
        message: what was found, in English, for a person.
        span: where in [`Article.text`][arnews.Article] the problem is, when it has a place
            there (decoding notices have none).
    """

    code: str
    message: str
    span: Span | None = None

    def __init__(self, *, code: str, message: str, span: Span | None = None) -> None:  # by hand
        set_code, set_message, set_span = _NOTICE_SLOTS
        set_code(self, code)
        set_message(self, message)
        set_span(self, span)


_NOTICE_SLOTS: Final = slot_setters(Notice)


@attrs.frozen(kw_only=True, init=False)
class Paragraph:
    """One body paragraph as it stands in [`Article.text`][arnews.Article].

    Attributes:
        text: the paragraph.
        span: where it is in ``Article.text``.
    """

    text: str
    span: Span

    def __init__(self, *, text: str, span: Span) -> None:  # by hand, as Span's
        _set_paragraph_text(self, text)
        _set_paragraph_span(self, span)


_set_paragraph_text, _set_paragraph_span = slot_setters(Paragraph)


def make_paragraph(text: str, span: Span) -> Paragraph:
    """``Paragraph(text=text, span=span)``, positional, for the library's inner loops (internal).

    >>> span = Span(start=0, end=2)
    >>> make_paragraph("نص", span) == Paragraph(text="نص", span=span)
    True
    """
    paragraph: Paragraph = _new(Paragraph)
    _set_paragraph_text(paragraph, text)
    _set_paragraph_span(paragraph, span)
    return paragraph


@attrs.frozen(kw_only=True, init=False)
class Section:
    """A run of paragraphs under one sub-heading.

    A body without sub-headings is one section with ``heading=None``; so are the paragraphs
    before the first sub-heading.

    Attributes:
        heading: the sub-heading as written («كيف ردت إيران؟»), or ``None``.
        heading_span: where the heading is in ``Article.text``.
        paragraphs: the paragraphs under it, in order.
    """

    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: tuple[Paragraph, ...] = ()

    def __init__(  # by hand, as Span's
        self,
        *,
        heading: str | None = None,
        heading_span: Span | None = None,
        paragraphs: tuple[Paragraph, ...] = (),
    ) -> None:
        set_heading, set_heading_span, set_paragraphs = _SECTION_SLOTS
        set_heading(self, heading)
        set_heading_span(self, heading_span)
        set_paragraphs(self, paragraphs)


_SECTION_SLOTS: Final = slot_setters(Section)


@attrs.frozen(kw_only=True, init=False)
class Dateline:
    """The dateline/byline opener of an article, e.g. «الرياض - واس:» or «(CNN)--».

    Attributes:
        text: the whole opener as written.
        span: where it is in ``Article.text`` (a dateline glued to the lead becomes a line
            of its own).
        place: the city (or «city، country») as written, or ``None``.
        agency: the agency or outlet credited («واس», «رويترز», «العربية.نت»), or ``None``.
    """

    text: str
    span: Span
    place: str | None = None
    agency: str | None = None

    def __init__(  # by hand, as Span's
        self, *, text: str, span: Span, place: str | None = None, agency: str | None = None
    ) -> None:
        set_text, set_span, set_place, set_agency = _DATELINE_SLOTS
        set_text(self, text)
        set_span(self, span)
        set_place(self, place)
        set_agency(self, agency)


_DATELINE_SLOTS: Final = slot_setters(Dateline)


@attrs.frozen(kw_only=True, init=False)
class Source:
    """An entity information is credited to: one object per entity in an article.

    The same minister quoted five times is one ``Source``; quotes and attributions point
    to it.

    Attributes:
        name: the fullest way the article names it («الأمير خالد بن سلمان»).
        kind: one of [`SourceKind`][arnews.model.SourceKind].
        role: its office when stated («وزير الدفاع السعودي»), else ``None``.
        aliases: the other ways the article names it.
    """

    name: str
    kind: SourceKind = attrs.field(default="unknown", validator=_check_literal(SOURCE_KINDS))
    role: str | None = None
    aliases: tuple[str, ...] = ()

    def __init__(  # by hand, with the check of ``kind`` (records are built in inner loops)
        self,
        *,
        name: str,
        kind: SourceKind = "unknown",
        role: str | None = None,
        aliases: tuple[str, ...] = (),
    ) -> None:
        if kind not in SOURCE_KINDS:
            raise _not_allowed("kind", SOURCE_KINDS, kind)
        set_name, set_kind, set_role, set_aliases = _SOURCE_SLOTS
        set_name(self, name)
        set_kind(self, kind)
        set_role(self, role)
        set_aliases(self, aliases)


_SOURCE_SLOTS: Final = slot_setters(Source)


@attrs.frozen(kw_only=True, init=False)
class Quote:
    """A statement credited to a speaker.

    Attributes:
        text: the quoted or reported content, as written.
        span: where it is in ``Article.text``.
        kind: ``"direct"`` (verbatim, in quote marks or after a colon) or ``"indirect"``
            (reported speech: «أكد أن ...»).
        speaker: the [`Source`][arnews.Source], or ``None`` when nobody can be named
            (passive speech: «قيل إن»).
        speaker_span: the words naming the speaker where the quote is made; for a pronoun
            speaker («وأضاف»), the earlier mention it resolves to.
        cue: the speech verb or marker («وقال», «أكد», «مضيفاً»), ``None`` for a headline
            «الوزير: ...».
        cue_span: where the cue is.
        pronoun: the speaker was a pronoun resolved to an earlier mention.
    """

    text: str
    span: Span
    kind: QuoteKind = attrs.field(validator=_check_literal(QUOTE_KINDS))
    speaker: Source | None = None
    speaker_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    pronoun: bool = False

    def __init__(  # by hand, with the check of ``kind``
        self,
        *,
        text: str,
        span: Span,
        kind: QuoteKind,
        speaker: Source | None = None,
        speaker_span: Span | None = None,
        cue: str | None = None,
        cue_span: Span | None = None,
        pronoun: bool = False,
    ) -> None:
        if kind not in QUOTE_KINDS:
            raise _not_allowed("kind", QUOTE_KINDS, kind)
        slots = _QUOTE_SLOTS
        slots[0](self, text)
        slots[1](self, span)
        slots[2](self, kind)
        slots[3](self, speaker)
        slots[4](self, speaker_span)
        slots[5](self, cue)
        slots[6](self, cue_span)
        slots[7](self, pronoun)


_QUOTE_SLOTS: Final = slot_setters(Quote)


@attrs.frozen(kw_only=True, init=False)
class Attribution:
    """Information credited to a source without a speech act: «بحسب تقارير إعلامية».

    Attributes:
        text: the source phrase as written («تقارير إعلامية»).
        span: where it is in ``Article.text``.
        source: the [`Source`][arnews.Source] credited.
        cue: the marker («بحسب», «وفقاً لـ», «نقلاً عن»).
        cue_span: where the marker is.
        claim_span: the information credited, when it can be delimited.
    """

    text: str
    span: Span
    source: Source
    cue: str
    cue_span: Span
    claim_span: Span | None = None

    def __init__(  # by hand, as Span's
        self,
        *,
        text: str,
        span: Span,
        source: Source,
        cue: str,
        cue_span: Span,
        claim_span: Span | None = None,
    ) -> None:
        slots = _ATTRIBUTION_SLOTS
        slots[0](self, text)
        slots[1](self, span)
        slots[2](self, source)
        slots[3](self, cue)
        slots[4](self, cue_span)
        slots[5](self, claim_span)


_ATTRIBUTION_SLOTS: Final = slot_setters(Attribution)


@attrs.frozen(kw_only=True, init=False)
class DateMention:
    """A date expression in the text, with what it fixes.

    Attributes:
        text: the expression as written («26 شوال 1436 هـ», «أمس الثلاثاء»).
        span: where it is in ``Article.text``.
        calendar: ``"gregorian"`` or ``"hijri"``.
        value: what the text itself fixes, as an ISO string in the mention's own calendar
            cut to ``precision`` (``"2015"``, ``"1436-10-26"``, ``"2015-08-11T10:30"``),
            with the UTC offset when a time zone written after the time fixes it
            (``"2015-08-11T10:30+03:00"`` for «بتوقيت مكة»; ``+00:00`` for GMT, never
            ``Z``), or ``None`` when the text gives no year. A Hijri value stays a string:
            30 Safar is no ``datetime.date``.
        gregorian: the Gregorian day of a Hijri day (Umm al-Qura calendar).
        precision: ``"year"``, ``"month"``, ``"day"`` or ``"minute"``.
        relative: the text depends on when it was written («أمس», «الأحد الماضي»).
        resolved: the Gregorian day once relative parts and a missing year are filled in
            from ``ParseOptions.reference_time`` or the publication date, else ``None``.
        pair: the index in ``Article.dates`` of the other half of a dual date
            («... هـ الموافق ... م»).
    """

    text: str
    span: Span
    calendar: Calendar = attrs.field(default="gregorian", validator=_check_literal(CALENDARS))
    value: str | None = None
    gregorian: dt.date | None = None
    precision: Precision = attrs.field(default="day", validator=_check_literal(PRECISIONS))
    relative: bool = False
    resolved: dt.date | None = None
    pair: int | None = None

    def __init__(  # by hand, with the checks of ``calendar`` and ``precision``
        self,
        *,
        text: str,
        span: Span,
        calendar: Calendar = "gregorian",
        value: str | None = None,
        gregorian: dt.date | None = None,
        precision: Precision = "day",
        relative: bool = False,
        resolved: dt.date | None = None,
        pair: int | None = None,
    ) -> None:
        if calendar not in CALENDARS:
            raise _not_allowed("calendar", CALENDARS, calendar)
        if precision not in PRECISIONS:
            raise _not_allowed("precision", PRECISIONS, precision)
        slots = _DATE_SLOTS
        slots[0](self, text)
        slots[1](self, span)
        slots[2](self, calendar)
        slots[3](self, value)
        slots[4](self, gregorian)
        slots[5](self, precision)
        slots[6](self, relative)
        slots[7](self, resolved)
        slots[8](self, pair)


_DATE_SLOTS: Final = slot_setters(DateMention)


@attrs.frozen(kw_only=True, init=False)
class Article:
    """A parsed news article.

    Attributes:
        text: the article as a reader sees it: the headline (when there is one), the
            dateline line, then the body blocks (sub-headings and paragraphs), joined by
            blank lines. Every span of every item points into it.
        headline: the headline, or ``None`` when the text opens with a paragraph.
        headline_span: where the headline is in ``text``.
        subheadline: a sub-headline printed under the headline, when there is one.
        dateline: the «الرياض - واس:» opener, a [`Dateline`][arnews.Dateline].
        byline: the authors' names.
        published: the publication date: a ``datetime`` when the time is known
            (timezone-aware when its offset is known: page metadata, or a zone written
            after the time), else a ``date``.
        modified: the modification date (HTML pages), in the same form.
        url: where the article was found (given by the caller, or the page's canonical URL).
        site_name: the outlet's name (HTML pages).
        sections: the body, as [`Section`][arnews.Section]s of paragraphs.
        quotes: who said what, as [`Quote`][arnews.Quote]s in text order.
        attributions: information credited without a speech verb
            ([`Attribution`][arnews.Attribution]).
        dates: every date expression, as [`DateMention`][arnews.DateMention]s in text order.
        sources: one [`Source`][arnews.Source] per entity quoted or credited.
        boilerplate: the lines removed from the input (share widgets, «اقرأ أيضا» teasers,
            agency trailers, photo captions), in order.
        notices: problems found in the content ([`Notice`][arnews.Notice]).

    Examples:
        >>> import arnews
        >>> art = arnews.parse_text("عنوان الخبر\\n\\nالرياض - واس:\\nقال الوزير إن الاجتماع مثمر.")
        >>> art.headline
        'عنوان الخبر'
        >>> art.dateline.place, art.dateline.agency
        ('الرياض', 'واس')
        >>> art.text[art.dateline.span.slice]
        'الرياض - واس:'
    """

    text: str
    headline: str | None = None
    headline_span: Span | None = None
    subheadline: str | None = None
    dateline: Dateline | None = None
    byline: tuple[str, ...] = ()
    published: dt.datetime | dt.date | None = None
    modified: dt.datetime | dt.date | None = None
    url: str | None = None
    site_name: str | None = None
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    dates: tuple[DateMention, ...] = ()
    sources: tuple[Source, ...] = ()
    boilerplate: tuple[str, ...] = ()
    notices: tuple[Notice, ...] = ()

    def __init__(  # by hand (one per article), as Span's
        self,
        *,
        text: str,
        headline: str | None = None,
        headline_span: Span | None = None,
        subheadline: str | None = None,
        dateline: Dateline | None = None,
        byline: tuple[str, ...] = (),
        published: dt.datetime | dt.date | None = None,
        modified: dt.datetime | dt.date | None = None,
        url: str | None = None,
        site_name: str | None = None,
        sections: tuple[Section, ...] = (),
        quotes: tuple[Quote, ...] = (),
        attributions: tuple[Attribution, ...] = (),
        dates: tuple[DateMention, ...] = (),
        sources: tuple[Source, ...] = (),
        boilerplate: tuple[str, ...] = (),
        notices: tuple[Notice, ...] = (),
    ) -> None:
        slots = _ARTICLE_SLOTS
        slots[0](self, text)
        slots[1](self, headline)
        slots[2](self, headline_span)
        slots[3](self, subheadline)
        slots[4](self, dateline)
        slots[5](self, byline)
        slots[6](self, published)
        slots[7](self, modified)
        slots[8](self, url)
        slots[9](self, site_name)
        slots[10](self, sections)
        slots[11](self, quotes)
        slots[12](self, attributions)
        slots[13](self, dates)
        slots[14](self, sources)
        slots[15](self, boilerplate)
        slots[16](self, notices)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """All body paragraphs, across sections, in order."""
        return tuple(p for s in self.sections for p in s.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-safe ``dict``: ISO dates, spans as ``[start, end]``, tuples as lists."""
        return cast("dict[str, Any]", _to_jsonable(self))

    def to_json(self, *, indent: int | None = None) -> str:
        """The article as JSON text (UTF-8 friendly: Arabic is not escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Rebuild an article from [`to_dict`][arnews.Article.to_dict] output.

        Raises:
            ValueError: a field has the wrong shape or an unknown value.
        """
        article: Article = _from_jsonable(cls, data)
        return article

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Rebuild an article from [`to_json`][arnews.Article.to_json] output.

        Raises:
            ValueError: the JSON has the wrong shape (``json.JSONDecodeError`` is one).
        """
        return cls.from_dict(json.loads(text))


_ARTICLE_SLOTS: Final = slot_setters(Article)


# --- JSON form -----------------------------------------------------------------------------


def _to_jsonable(value: object) -> object:
    if isinstance(value, Span):
        return value.to_list()
    if isinstance(value, dt.date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_jsonable(v) for v in value]
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {f.name: _to_jsonable(getattr(value, f.name)) for f in fields}
    return value


def _parse_when(value: str) -> dt.datetime | dt.date:
    return dt.datetime.fromisoformat(value) if "T" in value else dt.date.fromisoformat(value)


# Field name -> how to read its JSON form back. Names are unique in meaning across records.
_RECORD_FIELDS: Final[dict[str, type]] = {
    "dateline": Dateline,
    "speaker": Source,
    "source": Source,
}
_RECORD_TUPLES: Final[dict[str, type]] = {
    "sections": Section,
    "paragraphs": Paragraph,
    "quotes": Quote,
    "attributions": Attribution,
    "dates": DateMention,
    "sources": Source,
    "notices": Notice,
}
_WHEN_FIELDS: Final = frozenset({"published", "modified", "gregorian", "resolved"})


def _from_jsonable(cls: type[Any], data: Mapping[str, Any]) -> Any:
    if not isinstance(data, Mapping):
        raise ValueError(f"expected an object for {cls.__name__}, got {type(data).__name__}")
    kwargs: dict[str, Any] = {}
    for field in attrs.fields(cls):
        name = field.name
        if name not in data:
            continue
        raw = data[name]
        if raw is None:
            kwargs[name] = None
        elif name == "span" or name.endswith("_span"):
            kwargs[name] = Span.from_list(raw)
        elif name in _WHEN_FIELDS:
            kwargs[name] = _parse_when(raw)
        elif name in _RECORD_FIELDS:
            kwargs[name] = _from_jsonable(_RECORD_FIELDS[name], raw)
        elif name in _RECORD_TUPLES:
            kwargs[name] = tuple(_from_jsonable(_RECORD_TUPLES[name], item) for item in raw)
        elif isinstance(raw, list):
            kwargs[name] = tuple(raw)
        else:
            kwargs[name] = raw
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"cannot build {cls.__name__}: {exc}") from exc
