"""Datelines and bylines: the opener that says where a story comes from and who wrote it.

Shapes (conventions §4.1): «الرياض - واس:», «المنامة: عبيد السهيمي», «دبي ـ العربية.نت»,
«دمشق، سوريا (CNN) --», «(CNN)--», «واس (جدة)», «عادل النجار (جدة)», «"الاقتصادية" من الرياض»,
and SPA's «الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس» with the date inside.
Places, agencies and outlets are looked up in ``arnews/data/`` on the folded form.
"""

from __future__ import annotations

import functools
import re
from typing import Final, Literal

import attrs
import regex

from arnews import data
from arnews._slots import slot_setters
from arnews.text.fold import Folded, fold, folded_match_key, match_key

__all__ = ["DatelineParse", "parse_dateline_line", "parse_dateline_prefix"]

PartKind = Literal["place", "agency", "person", "filler", "unknown"]


@attrs.frozen(kw_only=True, init=False)
class DatelineParse:
    """What a dateline says. ``end`` is where it ends in the parsed string."""

    end: int
    place: str | None = None
    agency: str | None = None
    byline: tuple[str, ...] = ()

    def __init__(  # by hand: the slots set through their descriptors
        self,
        *,
        end: int,
        place: str | None = None,
        agency: str | None = None,
        byline: tuple[str, ...] = (),
    ) -> None:
        set_end, set_place, set_agency, set_byline = _PARSE_SLOTS
        set_end(self, end)
        set_place(self, place)
        set_agency(self, agency)
        set_byline(self, byline)


_PARSE_SLOTS: Final = slot_setters(DatelineParse)


@functools.cache
def _lookup(name: str) -> frozenset[str]:
    return frozenset(match_key(v) for v in data.words(name)) - {""}


@functools.cache
def _kinds() -> dict[str, PartKind]:
    # Agencies first, then places, then outlets: «الرياض» and «المدينة» are cities
    # far more often than the newspapers of that name.
    kinds: dict[str, PartKind] = {}
    order: tuple[tuple[str, PartKind], ...] = (
        ("media", "agency"),
        ("places", "place"),
        ("agencies", "agency"),
    )
    for name, kind in order:
        kinds.update(dict.fromkeys(_lookup(name), kind))  # the later list wins
    return kinds


@functools.cache
def _first_words() -> frozenset[str]:
    """The first word of every known place, agency and outlet, and the dateline fillers."""
    return frozenset(key.split()[0] for key in _kinds()) | _lookup("dateline_fillers")


def _names_known_word(masked: str, folded: str) -> bool:
    """Whether a word of the masked or the folded line is one of :func:`_first_words`.

    The words of a key are its runs of letters and digits. The first words are all Arabic
    letters, ASCII letters and digits, which stand as runs of those in the line too: one
    stdlib ``re`` finds them.
    """
    first = _first_words()
    if not _first_words_plain():  # (not with the lists shipped): the words of the keys
        return not first.isdisjoint(folded_match_key(masked).split()) or (
            masked is not folded and not first.isdisjoint(folded_match_key(folded).split())
        )
    if not first.isdisjoint(_PLAIN_WORD.findall(masked)):
        return True
    return masked is not folded and not first.isdisjoint(_PLAIN_WORD.findall(folded))


@functools.cache
def _first_words_plain() -> bool:
    return all(_PLAIN_WORD.fullmatch(word) for word in _first_words())


def _kind_of(key: str) -> PartKind | None:
    kind = _kinds().get(key)
    if kind is not None:
        return kind
    words = key.split(maxsplit=1)
    if words and words[0] in _lookup("dateline_fillers"):
        return "filler"
    return None


# The date inside an SPA or KUNA dateline: «26 شوال 1436 هـ الموافق 11 اغسطس 2015 م»,
# «14 مايو», «15 - 9». Digits may be glued to the place before them («الرياض26»).
_DATE: Final = regex.compile(
    r"(?:\s+في)?\s*\d{1,4}(?:\s*[-/.]\s*\d{1,4}){1,2}\s*(?:هـ|م)?"
    r"|(?:\s+في)?\s*\d{1,2}\s*\p{L}{2,12}(?:\s\p{L}{3,8})?\s*\d{0,4}\s*(?:هـ|ه|م)?"
    r"(?:\s*الموافق\s*\d{1,2}\s*\p{L}{2,12}\s*\d{0,4}\s*(?:م|هـ)?)?"
    r"|[|]?\s*(?:\p{Latin}{3,9},?\s+)?\d{1,2}\s+\p{Latin}{3,9}\s+\d{4}.*$"
    r"|[|]?\s*(?:\p{Latin}{3,9},?\s+)?\d{4}-\d{2}-\d{2}.*$"
)
# A part: «(…)», «"…"», ««…»», or a run up to a separator (dash, tatweel, colon, slash, pipe,
# comma, «من» between a name/outlet and a city).
# (stdlib ``re``, twice as fast here; ``_SP`` is what ``regex`` calls \s, the spaces)
_SP: Final = r"\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_SEP: Final = r"-–—ـ_:/|،,()«»\"“”"
_PART: Final = re.compile(
    r"\((?P<paren>[^()]{1,40})\)"
    r"|[«\"“”](?P<quoted>[^«»\"“”]{1,40})[»\"“”]"
    # words up to a separator, the end, or «من» between spaces, matched word by word (no
    # look-ahead at every character). A part is at least two characters when it can be:
    # after a one-letter first word, the next word is taken even when it is «من».
    rf"|(?P<plain>[^{_SEP}{_SP}](?:[^{_SEP}{_SP}]+|[{_SP}]+[^{_SEP}{_SP}]+)?"
    rf"(?:[{_SP}]+(?!من[{_SP}])[^{_SEP}{_SP}]+)*)"
)
# (stdlib ``re``: the same digits, \p{Nd}, at a fraction of the cost of a ``regex`` call)
_DIGIT: Final = re.compile(r"\d")
_PLAIN_WORD: Final = re.compile("[\u0621-\u063a\u0641-\u064aA-Za-z0-9]+")
_AND_NAME: Final = regex.compile(r"\s+و(?=\p{L}{2})")


class _Part:
    """A part of a dateline line (a plain class: a native class once compiled)."""

    __slots__ = ("end", "key", "kind", "known", "sep_before", "start", "text")

    def __init__(
        self, text: str, key: str, start: int, end: int, kind: PartKind, known: bool, sep: str
    ) -> None:
        self.text = text
        self.key = key  # match_key(text)
        self.start = start
        self.end = end
        self.kind: PartKind = kind
        self.known = known
        self.sep_before = sep


_LETTERS: Final = regex.compile(r"(?!\u0640)[\p{L}\p{N}]")  # tatweel is a letter (Lm) to Unicode
_NO_LETTERS: Final = ' -–—ـ_:/|،,()«»"“”.|'  # (what stands between parts, mostly)


_FROM_MAX_WORDS: Final = 5
_SENTENCE_END: Final = regex.compile(r"[.!?؟][\"'»”)]*\s*$")
_MARKS: Final = regex.compile(r"[\p{Mn}\u0640]+")


def _person_like(text: str, key: str) -> bool:
    """``key`` is ``match_key(text)``."""
    words = key.split()
    if not 1 <= len(words) <= 6 or not "".join(words).isalpha():
        return False
    if not _lookup("places").isdisjoint(words):
        return False
    # stopwords as written: folded, «على» would be the name «علي»
    return data.words("stopwords").isdisjoint(_MARKS.sub("", text).split())


def _parts(masked: str, folded: Folded) -> list[_Part] | None:
    """The parts of a folded line (dates masked); texts are taken from the original.

    ``None``: the line is no dateline (text between parts, or an unknown phrase of several
    words).
    """
    parts: list[_Part] = []
    pos = 0
    # «X من CITY» is a dateline shape only in a short line («خالد دغريري من جدة»), not in
    # a headline («موقع إخباري عربي عملاق ينطلق قريبا من أبوظبي»).
    short = masked.count(" ") < _FROM_MAX_WORDS
    line = folded.text
    # folding kept every length (most lines): a part's original is the same slice
    source = folded.source if folded.identity else None
    kinds = _kinds()
    for m in _PART.finditer(masked):
        at = m.start()
        if at > pos:
            between = masked[pos:at]
            if between.strip(_NO_LETTERS) and _LETTERS.search(between):
                return None  # something the grammar cannot place
            sep = between.strip()
        else:
            sep = ""
        pos = m.end()
        group = m.lastgroup or "plain"
        start, end = m.span(group)
        if group == "plain" and parts and short and masked.startswith("من ", start):
            # «"الاقتصادية" من الرياض», «خالد دغريري من جدة» (the line is folded: no marks)
            start += 3
            sep = "من"
        text = source[start:end] if source is not None else _original(folded, start, end)
        # the part's key, from the folded line (the same as match_key(text): parts start
        # and end at letters, where folding a slice and slicing the folded line agree)
        key = folded_match_key(line[start:end])
        if not key:
            continue
        kind = kinds.get(key)
        if kind is None:
            kind = _kind_of(key)
        if kind is None and sep == "من" and parts[-1].known:
            kind = "place"
        known = kind is not None
        if kind is None and group == "quoted" and key.count(" ") < 4:
            # «الشرق الأوسط», "الاقتصادية": an outlet, but not enough alone to make a
            # dateline («"عنب".. بيروتي أصيل» is a headline)
            kind = "agency"
        if kind is None:
            if _person_like(text, key):
                kind = "person"
            elif len(text.split()) > 1:
                return None  # an unknown phrase: no dateline (parse_dateline_line)
            else:
                kind = "unknown"
        parts.append(_Part(text, key, start, end, kind, known, sep))
    rest = masked[pos:]
    if rest.strip(_NO_LETTERS) and _LETTERS.search(rest):
        return None
    return parts


def _original(folded: Folded, start: int, end: int) -> str:
    if folded.identity:
        return folded.source[start:end]
    if start < end:  # folded.span(start, end), without building the Span
        return folded.source[folded.source_start(start) : folded.source_end(end)]
    return ""


def _in_parens(part: _Part, line: str) -> bool:
    return line[max(0, part.start - 1) : part.start] == "("


def _resolve(parts: list[_Part], folded: Folded) -> tuple[str | None, str | None, tuple[str, ...]]:
    line = folded.text
    place: str | None = None
    agencies: list[tuple[bool, str]] = []  # (from the agency list, name)
    byline: list[str] = []
    for i, part in enumerate(parts):
        kind = part.kind
        previous = parts[i - 1] if i else None
        following = parts[i + 1] if i + 1 < len(parts) else None
        if not part.known and kind in ("person", "unknown"):
            if len(part.text.split()) == 1 or (
                _in_parens(part, line) and previous is not None and previous.kind == "person"
            ):
                # a lone unknown word beside a person or an agency is a place; so is a name
                # in parentheses after a person: «خالد آل مريح (أحد رفيدة)»
                kind = "place" if any(p.kind in ("person", "agency") for p in parts) else "agency"
            elif (
                following is not None and following.kind == "agency" and _in_parens(following, line)
            ):
                kind = "place"  # «بنوم بنه - (د ب أ):»
        if kind == "place" and place is None:
            end = part.end
            # «دبي، الإمارات العربية المتحدة»: keep the country printed after a comma
            if (
                following is not None
                and following.kind == "place"
                and following.sep_before
                in (
                    "،",
                    ",",
                )
            ):
                end = following.end
            place = _original(folded, part.start, end)
        elif kind == "agency":
            agencies.append((part.key in _lookup("agencies"), part.text))
        elif kind == "person":
            # (the «و» joining two names: no split without one)
            names = _AND_NAME.split(part.text) if "و" in part.text else (part.text,)
            byline.extend(n.strip() for n in names if n.strip())
    # a news agency is the credit over the outlet that relays it: «الجزيرة - واس:»
    if not agencies:
        return place, None, tuple(byline)
    agency = next((name for listed, name in agencies if listed), None) or agencies[0][1]
    return place, agency, tuple(byline)


def _mask_date(m: regex.Match[str]) -> str:
    """A date masked: «|» and spaces, as long as the date."""
    return "|" + " " * (m.end() - m.start() - 1)


def parse_dateline_line(line: str, *, byline_only_ok: bool) -> DatelineParse | None:
    """Read a whole line as a dateline/byline, or ``None`` when it is not one.

    Args:
        line: one tidied line.
        byline_only_ok: accept a line that is only a person's name («فهد عامر الأحمدي»);
            true for the line right after a headline, where bylines stand.

    >>> p = parse_dateline_line("المنامة: عبيد السهيمي", byline_only_ok=False)
    >>> p.place, p.agency, p.byline
    ('المنامة', None, ('عبيد السهيمي',))
    >>> p = parse_dateline_line("الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس",
    ...                         byline_only_ok=False)
    >>> p.place, p.agency
    ('الرياض', 'واس')
    """
    if len(line) > 120 or line.count(" ") > 16:
        return None
    # matched on the folded line: marks and tatweel inside words («أيمـن») are gone, and a
    # tatweel standing as a dash («دبي ـ العربية.نت») is a «-»
    folded = fold(line)
    masked = folded.text
    if _DIGIT.search(masked) is not None:  # every date shape has digits
        masked = _DATE.sub(_mask_date, masked)
    # A dateline names a known place or agency, unless it is a byline: a line where none
    # of them starts is not read further. (A part's key is words of the folded line, or of
    # the masked line for parts that end at a masked date: both sets of words are taken.)
    if not byline_only_ok and not _names_known_word(masked, folded.text):
        return None
    parts = _parts(masked, folded)
    if not parts:
        return None
    if not any(p.known and p.kind in ("place", "agency") for p in parts):
        people = [p for p in parts if p.kind == "person"]
        # «فهد عامر الأحمدي», «أصيلة: فؤاد الفلوس»: names (and one-word places) only,
        # accepted where bylines stand
        names = [p for p in people if len(p.text.split()) >= 2]
        if not byline_only_ok or not names or sum(len(p.text.split()) for p in people) > 8:
            return None
        if _SENTENCE_END.search(line):
            return None  # «تقام المباراة غداً.» is a sentence, not a name
    place, agency, byline = _resolve(parts, folded)
    return DatelineParse(end=len(line), place=place, agency=agency, byline=byline)


# Inline openers at the start of the first paragraph:
#   «(CNN)-- دعا …», «دبي، الإمارات العربية المتحدة (CNN) -- قررت …», «واشنطن (رويترز) - قال …»
_PAREN_OPENER: Final = regex.compile(
    r"^(?P<pre>[^()\n]{0,60}?)\s*\((?P<agency>[^()\n]{1,30})\)\s*(?:--|[-–—ـ:])+\s*"
)
#   «الرياض - واس: أكد …», «أبوظبي في 14 مايو / وام / أكد …»
_SEP_OPENER: Final = regex.compile(
    r"^(?P<pre>[^\n:/]{1,50}?)\s*[-–—ـ/]\s*(?P<agency>[^\n:/\-–—ـ]{1,30}?)\s*[:/]\s*"
)


_OPENER_MAX_CHARS: Final = 200
_LATIN_AGENCY: Final = regex.compile(r"[A-Z][A-Za-z .]{1,15}")  # «(CNN)», «(AFP)»
#   «دبي: أعلنت …» — a known place and a colon
_PLACE_OPENER: Final = regex.compile(r"^(?P<place>[^\n:،,\d]{2,30}?)\s*:\s*")


def parse_dateline_prefix(paragraph: str) -> DatelineParse | None:
    """Read a dateline glued to the start of a paragraph.

    >>> p = parse_dateline_prefix("دبي، الإمارات العربية المتحدة (CNN) -- قررت الولايات المتحدة")
    >>> p.place, p.agency, p.end
    ('دبي، الإمارات العربية المتحدة', 'CNN', 39)
    """
    raw = paragraph[:_OPENER_MAX_CHARS]
    if "(" not in raw and ":" not in raw and "/" not in raw:
        return None  # every opener has one of them (and folding makes none of them)
    folded = fold(raw)
    head = folded.text
    for pattern in (_PAREN_OPENER, _SEP_OPENER):
        m = pattern.match(head)
        if m is None or folded.source_start(m.end()) >= len(paragraph):
            continue
        agency = _original(folded, *m.span("agency")).strip()
        if _kind_of(match_key(agency)) != "agency" and not _LATIN_AGENCY.fullmatch(agency):
            continue
        # the place is what stands before a date: «أبوظبي في 14 مايو / وام /»
        pre_start, pre_end = m.span("pre")
        if (date := _DATE.search(head, pre_start, pre_end)) is not None:
            pre_end = date.start()
        pre = _original(folded, pre_start, pre_end).strip(" ،,-–—ـ")
        place: str | None = None
        if pre:
            # «أتلانتا، الولايات المتحدة الأمريكية»: some comma part must be a known place,
            # or the whole a single word
            known = any(match_key(p) in _lookup("places") for p in regex.split(r"[،,]", pre))
            if not known and len(pre.split()) > 1:
                continue
            place = pre
        return DatelineParse(end=folded.source_start(m.end()), place=place, agency=agency)
    m = _PLACE_OPENER.match(head)
    if m is not None and folded.source_start(m.end()) < len(paragraph):
        place = _original(folded, *m.span("place")).strip()
        if match_key(place) in _lookup("places"):
            return DatelineParse(end=folded.source_start(m.end()), place=place)
    return None
