"""Dates: every date expression of an article, Gregorian and Hijri, with its value and span.

The grammar is owned here (conventions §5): a handful of compiled regex passes over the
folded text (:mod:`arnews.text.fold`: diacritics and tatweel gone, أ/إ/آ → ا, ى → ي,
ة → ه, Arabic-Indic and Persian digits → ASCII), then a little work per match. The words
(months in every regional series, Hijri months, weekdays, ordinal day words, relative words,
era suffixes) live in ``arnews/data/dates_*.txt``. dateparser is not used: it drops months
it does not know and reads «مارس» the verb as March (conventions §6.3, §6.4).

Three steps, each callable on its own:

- :func:`detect_dates` (the pipeline's ``dates`` stage) finds the mentions, fills a missing
  year from the same paragraph, converts Hijri days (Umm al-Qura) and links dual dates;
- :func:`publication_date` picks the publication date from the dateline or the opening;
- :func:`resolve_dates` fills ``resolved`` for relative mentions and year-less days.

:func:`find_dates` runs the first step on any string (for layout and other callers).

>>> found = find_dates("الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس")
>>> [(d.text, d.calendar, d.value, d.pair) for d in found]
[('26 شوال 1436 هـ', 'hijri', '1436-10-26', 1), ('11 اغسطس 2015 م', 'gregorian', '2015-08-11', 0)]
"""

from __future__ import annotations

import array
import bisect
import dataclasses
import datetime as dt
import functools
import itertools
import re
import zoneinfo
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs
from hijridate import Gregorian, Hijri

from arnews import data
from arnews.layout import Layout
from arnews.model import Calendar, DateMention, Notice, Precision, Span
from arnews.text.fold import Folded, fold
from arnews.text.trie import trie_pattern

__all__ = ["detect_dates", "find_dates", "finish_dates", "publication_date", "resolve_dates"]

NoticeSink = Callable[[Notice], None]

# «الساعة» right before a number: the number is an hour, never the first day of a range
# («من الساعة 10 إلى 12 نوفمبر» is one day, 12 November, not 10–12 November). Checked on
# the few characters before the number (the text is folded: ة → ه).
_HOUR_WORD_BEFORE: Final = re.compile(r"ساعه[^\S\n]{0,3}$")

# Horizontal white space: a date never runs over a line break.
_H: Final = r"[^\S\n]"
# No letter right before / after (Arabic words have no \b that works with glued prefixes).
_NLB: Final = r"(?<!\p{L})"
_NB: Final = r"(?!\p{L})"
# No letter before, or one glued conjunction/preposition: «والسبت», «و2016», «بالأمس».
_NLBP: Final = r"(?:(?<!\p{L})|(?<=(?<!\p{L})[وبلف]))"


def _blanks_around(mark: str, before: int, after: int) -> str:
    """Blanks with maybe one ``mark`` (a pattern) among them: «[^\\S\\n]{0,3}[،,]?
    [^\\S\\n]{0,3}» written so that the engine, backtracking, does not try the same place
    twice (with no mark, 1 blank then 0 and 0 then 1 end at the same place). What follows
    starts with no blank, so only the place after all the blanks can match: the same match,
    tried once.

    >>> re.fullmatch(_blanks_around("[،,]", 3, 3), "   ،  ") is not None
    True
    """
    return rf"(?:{_H}{{0,{before}}}{mark}{_H}{{0,{after}}}|{_H}{{0,{before + after}}})"


# --- vocabulary --------------------------------------------------------------------------


def _key(text: str) -> str:
    """A lookup key for a folded word or phrase: spaces removed («ذو القعده» = «ذوالقعده»)."""
    return "".join(text.split())


def _fold_word(word: str) -> str:
    return fold(word).text.strip()


def _alt(variants: Iterable[str]) -> str:
    """One regex alternation for folded ``variants``, longest first; a space matches 0-3
    blanks and a word starting with «وال» may have a blank after its «و» («و العشرين»).

    The variants are grouped by their leading letters where that cannot change which one
    wins (the letters differ, so at most one group can match): the engine then tries one
    group, not every variant, and the order of the variants inside a group is kept."""
    parts: dict[str, tuple[str, ...]] = {}
    for variant in variants:
        atoms: list[str] = []
        for i, word in enumerate(_fold_word(variant).split()):
            if i:
                atoms.append(_H + "{0,3}")
            if word.startswith("وال"):
                atoms.extend(("و", _H + "{0,2}"))
                word = word[1:]
            atoms.extend(re.escape(c) for c in word)
        parts["".join(atoms)] = tuple(atoms)
    ordered = [parts[p] for p in sorted(parts, key=len, reverse=True)]
    return "(?:" + _grouped(ordered) + ")"


def _grouped(seqs: list[tuple[str, ...]]) -> str:
    """An alternation of atom sequences in priority order, grouped by their first atom when
    every sequence goes on with a letter (so that the groups exclude each other)."""
    if len(seqs) > 1 and all(s and not s[0].startswith(_H) for s in seqs):
        groups: dict[str, list[tuple[str, ...]]] = {}
        for s in seqs:
            groups.setdefault(s[0], []).append(s[1:])
        branches = [
            atom + (rest if len(tails) == 1 else "(?:" + rest + ")")
            for atom, tails in groups.items()
            for rest in (_grouped(tails),)
        ]
        return "|".join(branches)
    return "|".join("".join(s) for s in seqs)


def _last_words(variants: Iterable[str]) -> tuple[str, ...]:
    """The last words of folded ``variants``, for :func:`_may_end_with`; a last word «وال...»
    without its «و», which :func:`_alt` lets stand apart («و العشرين»)."""
    words = {_fold_word(v).split()[-1] for v in variants if _fold_word(v)}
    return tuple(sorted({w[1:] if w.startswith("وال") else w for w in words}))


def _may_end_with(text: str, start: int, end: int, words: tuple[str, ...], marks: str = "") -> bool:
    """Whether ``text[start:end]``, without the blanks (and one of ``marks``) at its end, ends
    with one of ``words``: what a pattern «phrase, blanks, end» needs, tested before it (a
    regex search tries every place of the stretch; this is one C call)."""
    stretch = text[start:end].rstrip()
    if marks and stretch[-1:] in marks:
        stretch = stretch[:-1].rstrip()
    return stretch.endswith(words)


def _numbered(name: str) -> dict[str, int]:
    """Variant key → line number (1-based) of a file whose line order is the meaning."""
    return {_key(_fold_word(v)): i for i, entry in enumerate(data.entries(name), 1) for v in entry}


def _labelled(name: str) -> dict[str, str]:
    """Variant key → first field of a file whose first field is a label."""
    return {_key(_fold_word(v)): entry[0] for entry in data.entries(name) for v in entry[1:]}


def _variants(name: str, *, labelled: bool = False, label: str | None = None) -> list[str]:
    out: list[str] = []
    for entry in data.entries(name):
        if label is not None and entry[0] != label:
            continue
        out.extend(entry[1:] if labelled else entry)
    return out


_BLANKS: Final = "\x00"  # a trie atom for the 0-3 blanks between the words of a phrase


def _atoms(phrase: str) -> tuple[str, ...]:
    """The letters of a folded phrase, with :data:`_BLANKS` between its words and after the
    «و» of «وال...» (0-2 blanks then), as :func:`_alt` writes them."""
    atoms: list[str] = []
    for i, word in enumerate(phrase.split()):
        if i:
            atoms.append(_BLANKS)
        if word.startswith("وال"):
            atoms.extend(("و", _BLANKS + "2", *word[1:]))
        else:
            atoms.extend(word)
    return tuple(atoms)


def _atom_pattern(atom: str) -> str:
    """A trie atom of :func:`_atoms`: a letter, or 0-3 blanks (0-2 after «و»)."""
    if atom.startswith(_BLANKS):
        return r"[^\S\n]{0,%s}" % (atom[1:] or "3")
    return re.escape(atom)


def _trie(sequences: Iterable[tuple[str, ...]]) -> str:
    """A stdlib regex trie of atom sequences (:func:`_atoms`), each followed by no Arabic
    letter (the grammar's «(?!\\p{L})»): «اب» (August) is not found in «ابوظبي»."""
    return trie_pattern(sequences, atom=_atom_pattern, end="(?![\u0621-\u064a])")


def _phrase_trie(phrases: Iterable[str]) -> str:
    """A stdlib regex that matches where one of the folded ``phrases`` starts, as a trie, each
    phrase whole and followed by no Arabic letter."""
    return _trie(_atoms(p) for p in set(phrases))


# Letters that begin many Arabic words: a phrase starting with one of them has a branch of
# its own in the scan for phrases; the phrases starting with any other letter share one.
_COMMON_INITIALS: Final = "اوبفلمعتيس"


def _phrase_scan(phrases: Iterable[str]) -> str:
    """A stdlib regex that matches where one of the folded ``phrases`` may start, and at
    every such place: a cheap first sieve, tried after every blank of a text.

    The engine tries the branches of an alternation one after the other: a trie whose root
    has a branch for every first letter (thirty and more) spends most of its time there.
    Here the phrases whose first letter is uncommon at the start of a word share one branch
    (their letters as a class, then one trie of the rest of each): «رجب» and «جمادى» give
    «[جر](?:جب|مادي)», which also takes «ججب»; the places found are checked with
    :func:`_phrase_trie`."""
    by_head: dict[str, set[tuple[str, ...]]] = {}
    for atoms in {_atoms(p) for p in phrases}:
        head = atoms[0] if atoms[0] in _COMMON_INITIALS else ""
        by_head.setdefault(head, set()).add(atoms[1:])
    branches = [re.escape(head) + _trie(tails) for head, tails in sorted(by_head.items()) if head]
    shared = {atoms[0] for atoms in {_atoms(p) for p in phrases}} - set(_COMMON_INITIALS)
    if "" in by_head:
        heads = "".join(sorted(re.escape(c) for c in shared))
        branches.append(f"[{heads}]" + _trie(by_head[""]))
    return "(?:" + "|".join(branches) + ")"


@functools.cache
def _not_letters() -> str:
    r"""A stdlib pattern for one character that ``[^\W\d_]`` takes but that is no letter: a
    number that is neither a decimal digit nor a letter («²», «½», «Ⅻ»). With it the regex
    module's ``\p{L}`` is «[^\W\d_](?<!...)» for the stdlib engine, which runs the hot patterns
    2-3 times faster; the letters are those of Python's ``unicodedata``."""
    # every code point but the surrogates, as one string
    points = array.array("I", range(0xD800)).tobytes()
    points += array.array("I", range(0xE000, 0x110000)).tobytes()
    everything = points.decode("utf-32-le")
    found = [
        ord(c)
        for run in re.finditer(r"[^\W\d_]+", everything)
        if not run.group().isalpha()
        for c in run.group()
        if not c.isalpha()
    ]
    ranges: list[list[int]] = []
    for point in found:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])

    def body(pairs: Iterable[tuple[int, int]]) -> str:
        return "".join(
            re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
            for a, b in pairs
        )

    # the basic plane as one class (a bitmap, one look-up); the others only tried for a
    # character beyond it (a class of both is a list of ranges tried in turn)
    basic = body((a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF)
    beyond = body((max(a, 0x10000), b) for a, b in ranges if b > 0xFFFF)
    return f"(?:[{basic}]|(?=[\U00010000-\U0010ffff])[{beyond}])"


def _optional_as_branch(pattern: str) -> str:
    """``pattern`` with every optional group «(...)?» written «(?:(...)|)».

    Both try the group first, then nothing, and backtrack alike: the same matches. But the
    stdlib engine runs a «?» after a group as a repeat, which saves and restores the marks
    of every capture group at each step (the grammar has forty); an alternation with an
    empty branch does not: the grammar matches three times faster.
    """
    closing: dict[int, int] = {}  # where a group opens → where it closes
    opened: list[int] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            i += 1  # a «]» or «^]» right after «[» is a member
            i += pattern.startswith("^", i)
            i += pattern.startswith("]", i)
            continue
        elif char == "(":
            opened.append(i)
        elif char == ")":
            closing[opened.pop()] = i
        i += 1
    starts, ends = set(), set()
    for start, end in closing.items():
        optional = pattern.startswith("?", end + 1) and not pattern.startswith(
            ("??", "?+"), end + 1
        )
        assertion = pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), start)
        if optional and not assertion:
            starts.add(start)
            ends.add(end)
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if i in starts:
            out.append("(?:")
        if i in ends:
            out.append(")|)")
            i += 2
            continue
        out.append(pattern[i])
        i += 1
    return "".join(out)


def _stdlib(pattern: str) -> re.Pattern[str]:
    """``pattern`` folded and compiled by the stdlib engine, ``\\p{L}`` spelled out (also in
    a class: «[\\p{L}\\d]» is a letter or a digit; see :func:`_not_letters`)."""
    letter = rf"[^\W\d_](?<!{_not_letters()})"
    folded = fold(pattern).text
    folded = re.sub(
        r"\[\\p\{L\}((?:[^\]\\]|\\.)*)\]",
        lambda m: f"(?:{letter}|[{m.group(1)}])",
        folded,
    )
    folded = folded.replace(r"\p{L}", f"(?:{letter})")
    return re.compile(_optional_as_branch(folded))


@dataclasses.dataclass(frozen=True, kw_only=True)
class _Grammar:
    """The compiled patterns and the lookup tables, built once from ``arnews/data``."""

    anchor_digits: re.Pattern[str]
    after_day: re.Pattern[str]
    after_year: re.Pattern[str]
    day_article: re.Pattern[str]
    anchor_spaces: re.Pattern[str]
    anchor_others: re.Pattern[str]
    anchor_phrase: re.Pattern[str]
    year_words: frozenset[str]
    year_digits: re.Pattern[str]
    day_words: frozenset[str]
    day_others: frozenset[str]
    day_word_of: re.Pattern[str]
    main: re.Pattern[str]
    strong_cue: re.Pattern[str]
    strong_cue_ends: tuple[str, ...]
    law_before: re.Pattern[str]
    weak_gap: re.Pattern[str]
    dual_gap: re.Pattern[str]
    range_gap: re.Pattern[str]
    today_before: re.Pattern[str]
    today_before_ends: tuple[str, ...]
    today_after: re.Pattern[str]
    weekday_before: re.Pattern[str]
    weekday_before_ends: tuple[str, ...]
    quoted: re.Pattern[str]
    quoted_open: re.Pattern[str]
    byline_dash: re.Pattern[str]
    weekday_after: re.Pattern[str]
    opening_cue: re.Pattern[str]
    count_after: re.Pattern[str]
    months: dict[str, int]
    hijri_months: dict[str, int]
    homographs: frozenset[str]
    weekdays: dict[str, int]
    ordinals: dict[str, int]
    relative_days: dict[str, int]
    directions: dict[str, int]
    eras: dict[str, str]
    time_words: dict[str, str]
    zones: dict[str, str]
    minute_words: dict[str, int]
    cardinals: dict[str, int]
    time_before: re.Pattern[str]
    time_before_ends: tuple[str, ...]


def _ordinals() -> dict[str, int]:
    table = _numbered("dates_ordinals")
    return table | {"ل" + k[1:]: v for k, v in table.items() if k.startswith("ال")}


def _today_exclusions() -> list[str]:
    """The words of ``dates_today_exclusions`` and the first words of outlets named
    «... اليوم» in ``media.txt`` («روسيا اليوم», «المصري اليوم»)."""
    today = _fold_word("اليوم")
    outlets = [
        name[: -len(today)].strip()
        for name in map(_fold_word, data.words("media"))
        if name.endswith(" " + today)
    ]
    return _variants("dates_today_exclusions", labelled=True, label="before") + outlets


def _ampm_variants() -> list[str]:
    """The period words after a clock time («صباحا», «م», «ظهرا», «ليلا»)."""
    return [
        v
        for label in ("am", "noon", "pm", "night")
        for v in _variants("dates_time_words", labelled=True, label=label)
    ]


@functools.cache
def _grammar() -> _Grammar:
    weekdays = _variants("dates_weekdays")
    wd = _alt(weekdays)
    wd_def = _alt(w for w in weekdays if _fold_word(w).startswith("ال"))
    gm = _alt(_variants("dates_months"))
    hm = _alt(_variants("dates_hijri_months"))
    ordinals = _variants("dates_ordinals")
    # «الموافق للسادس والعشرين من مارس»: ل + الـ contracts to «لل».
    ordinal = _alt(ordinals + ["ل" + o[1:] for o in ordinals if _fold_word(o).startswith("ال")])
    hours = _alt(v for e in data.entries("dates_ordinals")[:12] for v in e)
    rel = _alt(_variants("dates_relative_days", labelled=True))
    direction = _alt(_variants("dates_directions", labelled=True))
    era = _alt(_variants("dates_eras", labelled=True))
    ampm = _alt(_ampm_variants())
    period = _alt(v for v in _ampm_variants() if len(_fold_word(v)) > 1)
    of_words = [
        v
        for label in ("am-of", "noon-of", "pm-of", "night-of")
        for v in _variants("dates_time_words", labelled=True, label=label)
    ]
    # before a date, also «صباح», «ظهر» («الساعة 1:14 ظهر 2 أكتوبر»)
    ampm_of = _alt([*_ampm_variants(), *of_words])
    fractions = _alt(_variants("dates_minute_words", labelled=True))
    cardinal_entries = data.entries("dates_cardinals")
    utc = _alt(_variants("dates_time_words", labelled=True, label="utc"))
    local = _alt(_variants("dates_time_words", labelled=True, label="local"))
    places = _alt(_variants("dates_zones", labelled=True))
    daypart = _alt(_variants("dates_dayparts"))
    year_word = _alt(_variants("dates_year_words"))
    cues = _alt(c for c in _variants("dates_time_cues") if _fold_word(c) not in {"او", "و"})
    h = _H
    # blanks with maybe a comma, a bracket or a dash among them (see _blanks_around)
    comma_blanks = _blanks_around("[،,]", 3, 3)
    bracket_blanks = _blanks_around(r"\(", 3, 2)
    bracket_comma_blanks = _blanks_around("[(،,]", 3, 2)
    separator_blanks = _blanks_around(r"[،,.\-–|]", 3, 3)

    # A weekday before a date, maybe with «يوم» or a part of the day and «الموافق»: «الأحد
    # الموافق الثالث ...», «أربعاء, 04/01/2020», «يوم الثلاثاء 24 نوفمبر 2015», «صباح الجمعة
    # 15 نوفمبر 2019». The date after it starts with a digit or a letter: the engine,
    # backtracking, need not try it after fewer blanks.
    weekday_lead = (
        rf"(?:{_NLBP}(?:(?:يوم|{daypart}){h}{{1,3}})?(?P<wd>{wd}){_NB}{comma_blanks}"
        rf"(?:الموافق{h}{{1,3}})?(?![\s،,]))?"
    )
    # A time zone after a clock time (conventions §5.8), maybe in brackets: a place after
    # «بتوقيت» («بتوقيت مكة المكرمة», «(توقيت باريس)»), the local time («بالتوقيت المحلي»),
    # or Greenwich time with maybe an offset («بتوقيت غرينتش», «19:00 ت غ», «GMT+4»,
    # «GMT+3:30», «UTC+0400»).
    zone = (
        rf"{bracket_blanks}"
        rf"(?:(?:ب|ب?حسب{h}{{1,3}})?توقيت{h}{{1,3}}(?P<zplace>{places}){_NB}"
        rf"|(?P<zlocal>{local}){_NB}"
        rf"|(?:(?:ب|ب?حسب{h}{{1,3}})?توقيت{h}{{1,3}})?(?P<zutc>{utc})(?![\p{{L}}\d])"
        rf"(?:{h}{{0,2}}(?P<zsign>[+\-]){h}{{0,2}}(?P<zh>[01]?\d)(?::?(?P<zm>[0-5]\d))?(?!\d))?)"
        rf"(?:{h}{{0,2}}\))?"
    )
    # The same, capturing nothing: what a four-digit time needs after it.
    zone_ahead = re.sub(r"\(\?P<\w+>", "(?:", zone)
    # Minutes in words after an hour (conventions §5.8): «وخمس دقائق», «وأربع وعشرين دقيقة»
    # (a unit, «و» and a ten), «وعشرين دقيقة», «وخمس عشرة دقيقة»; values in dates_cardinals.
    units = _alt(v for e in cardinal_entries if 1 <= int(e[0]) <= 9 for v in e[1:])
    teens = _alt(v for e in cardinal_entries if 10 <= int(e[0]) <= 19 for v in e[1:])
    tens = _alt(v for e in cardinal_entries if int(e[0]) >= 20 for v in e[1:])
    cardinal = rf"(?:{teens}{_NB}|{units}{_NB}(?:{h}{{0,3}}و{h}{{0,2}}{tens}{_NB})?|{tens}{_NB})"

    def clock(period_words: str | None) -> str:
        """A clock time: «الساعة 10:30», «2:51», «الساعة 9», «الساعة 20.45», «الساعة 07,00»,
        «الساعة 1734» (a zone after it), «الساعة العاشرة والنصف», «الساعة الرابعة وأربع
        وعشرين دقيقة», «الساعة العاشرة إلا خمس دقائق»; a bare hour 1-12 before one of
        ``period_words`` («9 مساءً»), if given."""
        return (
            rf"(?:(?:(?:ال)?ساعه{h}{{0,3}})?(?<!\d)(?P<hh>[01]?\d|2[0-3]){h}?:{h}?(?P<mi>[0-5]\d)(?!\d)"
            rf"|الساعه{h}{{0,3}}(?<!\d)"
            rf"(?:(?P<dh>[01]?\d|2[0-3])[.,](?P<dmi>[0-5]\d)(?!\d)"
            rf"|(?P<rh>[01]\d|2[0-3])(?P<rmi>[0-5]\d)(?!\d)(?={zone_ahead})"
            rf"|(?P<bh>[01]?\d|2[0-3])(?!\d|[.:,]\d)"
            rf"(?:{h}{{0,3}}و{h}{{0,2}}(?:(?P<bmi>[0-5]?\d)|(?P<bmw>{cardinal}))"
            rf"{h}{{1,3}}(?:دقيقه|دقائق){_NB}"
            rf"|{h}{{1,3}}(?P<bfrac>{fractions}){_NB})?)"
            rf"|(?:ال)?ساعه{h}{{1,3}}(?P<hword>{hours}){_NB}"
            rf"(?:{h}{{1,3}}(?P<wfrac>{fractions}){_NB}"
            rf"|{h}{{0,3}}و{h}{{0,2}}(?:(?P<wmi>[0-5]?\d)|(?P<wmw>{cardinal}))"
            rf"{h}{{1,3}}(?:دقيقه|دقائق){_NB}"
            rf"|{h}{{1,3}}الا{h}{{1,3}}(?:(?P<wlmi>[0-5]?\d)|(?P<wlmw>{cardinal}))"
            rf"{h}{{1,3}}(?:دقيقه|دقائق){_NB})?"
            + (
                rf"|(?<![\d.,/:])(?P<ph>1[0-2]|0?[1-9])(?!\d)(?={h}{{0,3}}{period_words}{_NB})"
                if period_words is not None
                else ""
            )
            + ")"
        )

    # A clock time after a day: «الساعة 10:30 صباحاً بتوقيت مكة», «الساعة العاشرة صباحا»,
    # «2:51 مساءً», «10:30 GMT+4»; after «الساعة» also a bare hour («الساعة 9 مساء», «عند
    # الساعة 16», «الساعة 16 و47 دقيقة»), a dot or a comma («الساعة 20.45», «10٫30» folded,
    # «الساعة 07,00») and, with a zone after it, four digits (Reuters: «الساعة 1734 بتوقيت
    # جرينتش»); without «الساعة», a bare hour 1-12 only before a period word of more than
    # one letter («9 مساءً», not «9 م»).
    time = (
        rf"(?P<time>{separator_blanks}(?:و?(?:في|علي|عند){h}{{1,3}})?"
        rf"(?:تمام{h}{{1,3}})?"
        rf"{clock(period)}"
        rf"(?:{h}{{0,3}}(?P<ampm>{ampm}){_NB})?"
        rf"(?:{zone})?)?"
    )
    # A clock time right before a day, with nothing or a separator between (conventions
    # §5.8, t15): «10:30 ص 15 نوفمبر 2024», «الساعة 1:14 ظهر 2 أكتوبر» (a part of the day in
    # the construct state, maybe after «من»: «الثامنة من صباح 15 نوفمبر»), «17:27 GMT
    # 17.03.2020», a Greenwich zone before it: «GMT 17:27 17.03.2020». Tried backwards from a
    # day's start (``\Z`` at the day), not from the scan: the span starts at the zone, at
    # «الساعة» or at the hour (a preposition before it, «في الساعة», is left out). A bare
    # number with no «الساعة» is no hour here: «أصيب 3 مساء 5 مايو» is a count.
    time_before = (
        rf"{_NLB}(?<![\d.,/:])"
        rf"(?:(?P<zbutc>{utc})(?![\p{{L}}\d])"
        rf"(?:{h}{{0,2}}(?P<zbsign>[+\-]){h}{{0,2}}(?P<zbh>[01]?\d)(?::?(?P<zbm>[0-5]\d))?(?!\d))?"
        rf"{h}{{1,3}})?"
        rf"{clock(None)}"
        rf"(?:{h}{{0,3}}(?:من{h}{{1,3}})?(?P<ampm>{ampm_of}){_NB})?"
        rf"(?:{zone})?"
        rf"{h}{{0,3}}[،,\-–|]?{h}{{0,3}}\Z"
    )
    year_tail = (
        rf"(?:{h}{{0,3}}(?:من{h}{{1,3}})?(?:(?:ال|ل)?(?:عام|سنه){h}{{0,3}})?"
        rf"(?<!\d)(?P<year>1\d{{3}}|2[01]\d\d)(?!\d|[.,]\d)(?:{h}{{0,3}}(?P<era>{era}){_NB})?)?"
    )
    # «17 شباط 2024», «الرابع من نوفمبر/تشرين الثاني عام 1922», «غرة ذي القعدة»,
    # «يومي 17 و18 فيفري 2017», «من 10 إلى 12 نوفمبر», «أغسطس (آب) 2013», «مايو الماضي».
    # The first day of a range follows no sign: «GMT+3 - 1 يناير» is a zone and a day.
    textual = (
        rf"(?P<tx>(?:(?:(?P<yomay>يومي){h}{{1,3}})?"
        rf"(?:(?<![\d.,/:+\-])(?P<rday>[0-3]?\d)(?!\d){h}{{0,3}}(?:[-–]|و|او|الي|حتي|لغايه){h}{{0,3}}(?=\d))?"
        rf"(?:ال{h}{{0,2}})?(?<![\d.,/:])(?P<day>[0-3]?\d)(?!\d){h}{{0,3}}(?:من{h}{{1,3}})?"
        rf"|{_NLB}(?P<dayword>{ordinal}){h}{{1,3}}من{h}{{1,3}}"
        rf"|{_NLB}(?P<ghurra>غره){h}{{1,3}})?"
        rf"(?:{_NLBP}(?P<shahr>شهر){h}{{1,3}})?"
        rf"(?:{_NLB}(?P<gm>{gm}){_NB}"
        rf"(?:{h}{{0,3}}(?:[/\\\-–]{h}{{0,3}}|\({h}{{0,2}})?(?P<gm2>{gm}){_NB}(?:{h}{{0,2}}\))?)?"
        rf"|{_NLB}(?P<hm>{hm}){_NB})"
        rf"{year_tail}"
        rf"(?:{h}{{1,3}}(?P<dir>{direction}){_NB})?)"
    )
    # «15/11/2024», «1/11/ 1436هـ», «2024-11-15», «14.03.2016», «2020-07-12T00:23:21+02:00».
    numeric = (
        rf"(?P<nu>(?<![\d.,/:\-])(?:(?P<nd>[0-3]?\d){h}{{0,2}}(?P<ns>[/.\-]){h}{{0,2}}(?P<nm>[01]?\d)"
        rf"{h}{{0,2}}(?P=ns){h}{{0,2}}(?P<ny>\d{{4}})"
        rf"|(?P<ny2>\d{{4}}){h}{{0,2}}(?P<ns2>[/.\-]){h}{{0,2}}(?P<nm2>[01]?\d){h}{{0,2}}(?P=ns2)"
        rf"{h}{{0,2}}(?P<nd2>[0-3]?\d)(?:T(?P<ih>[01]\d|2[0-3]):(?P<imi>[0-5]\d)"
        rf"(?::\d\d(?:\.\d+)?)?(?P<ioff>Z|[+\-]\d\d:?\d\d)?)?)"
        rf"(?!\d|[.,]\d)(?:{h}{{0,3}}(?P<nera>{era}){_NB})?)"
    )
    # «أمس», «أول من أمس», «مساء أمس الجمعة», «أمس (السبت)», «يوم غدٍ الأربعاء», «اليوم».
    relative = (
        rf"(?P<re>{_NLBP}(?:(?P<rdp>{daypart}){h}{{1,3}})?(?P<rel>{rel}){_NB}"
        rf"(?:{bracket_comma_blanks}(?P<rwd>{wd_def}){_NB}\)?(?!{h}{{0,3}}[،,]?{h}{{0,3}}\d))?)"
    )
    # A weekday pointing to a day: «الخميس», «يوم الأربعاء الماضي», «السبت المقبلين».
    weekday = (
        rf"(?P<we>{_NLBP}(?:(?P<wdp>{daypart}){h}{{1,3}})?(?P<wd2>{wd_def}){_NB}"
        rf"(?:{h}{{1,3}}(?P<wdir>{direction}){_NB})?)"
    )
    # A year: «عام 2017», «العام 1433هـ», «2007م», «(1326-1409هـ», «منذ 2015» (cue checked after).
    year = (
        rf"(?P<ye>(?:{_NLBP}(?P<yw>{year_word}){bracket_blanks})?"
        rf"(?:(?<![\d.,/:])(?P<ry>1\d{{3}}|20\d\d){h}{{0,2}}[-–]{h}{{0,2}})?"
        rf"(?:(?<![\p{{L}}\d.,/:])|(?<=(?<!\p{{L}})[وبلف]))(?P<yy>1\d{{3}}|20\d\d)"
        rf"(?!\d|[.,]\d|{h}{{0,2}}%)(?:{h}{{0,3}}(?P<yera>{era}){_NB})?)"
    )

    compile_folded = _stdlib
    # (the weekday before a numeric or a textual date is tried once for both: the same
    # match, as a numeric date starts with a digit and a weekday never ends before one)
    main = compile_folded(
        f"{weekday_lead}(?:{numeric}|{textual}){time}|{relative}|{weekday}|{year}"
    )

    # Every match starts at a digit or at one of these words (after a glued و/ب/ل/ف).
    starters = [
        *weekdays,
        *_variants("dates_months"),
        *_variants("dates_hijri_months"),
        *ordinals,
        *("ل" + o[1:] for o in ordinals if _fold_word(o).startswith("ال")),
        *_variants("dates_relative_days", labelled=True),
        *_variants("dates_dayparts"),
        *_variants("dates_year_words"),
        "يومي",
        "غرة",
        "شهر",
    ]
    phrases = {_fold_word(w) for w in starters}
    # a starter phrase may follow a glued و/ب/ل/ف («والخميس», «بالأمس»)
    sieve = f"[وبلف]?{_phrase_scan(phrases)}"
    # The year words that start no other kind of date («العام», «سنة»): the grammar takes
    # them only right before a year (``year_digits``).
    year_variants = _variants("dates_year_words")
    others = [w for w in starters if w not in year_variants]
    year_words = {_fold_word(w) for w in year_variants} - {_fold_word(w) for w in others}
    # The same for the ordinal day words («الأول», «الثانية»): only before «من» and a month.
    day_variants = [*ordinals, *("ل" + o[1:] for o in ordinals if _fold_word(o).startswith("ال"))]
    day_others = {_fold_word(w) for w in starters if w not in day_variants}
    day_words = {_fold_word(w) for w in day_variants} - day_others

    weekday_excl = data.entries("dates_weekday_exclusions")
    before_wd = [v for e in weekday_excl if e[0] == "before" for v in e[1:]]
    after_wd = [v for e in weekday_excl if e[0] == "after" for v in e[1:]]
    # What may follow the first of one or two digits where a date starts: a separator of a
    # numeric date, the link of a range, «من», «شهر» or a month (the grammar's
    # «15/11/2024», «17 و18 فيفري», «الرابع من», «5 شهر رمضان», «17 شباط»).
    return _Grammar(
        # Where a date may start (conventions §5):
        # - the first of a run of digits that a day or a year can be: 1 digit or 2 from «0»
        #   to «3» followed by what a day is followed by (``after_day``: «7 مارس», not
        #   «7 ملايين»), or 4 that a year can be («2015») or that open a numeric date
        #   (``after_year``: «2024-11-15»); not «450» nor «45»;
        anchor_digits=re.compile(r"\d\d*"),
        after_day=re.compile(
            fold(rf"{h}{{0,3}}(?:[-–/.]|و|او|الي|حتي|لغايه|من|شهر|{gm}|{hm})").text
        ),
        after_year=re.compile(r"[^\S\n]{0,2}[/.\-]"),
        # - the article glued to such a day, at the start of a word: «ال13 من آب», «الـ5
        #   من مارس» (the grammar takes it with the day).
        day_article=compile_folded(rf"{_NLBP}ال{h}{{0,2}}\Z"),
        # - after a character that is no letter or digit (or at the start of the text), a
        #   whole starter phrase (group 1) with no letter after it («اب» but not «ابوظبي»,
        #   «العام» but not «العامة»), maybe after a glued و/ب/ل/ف. The stdlib engine
        #   scans by itself for such a character and sifts what follows with
        #   :func:`_phrase_scan`; the few places kept are checked with the phrase itself. Two
        #   scans: after a space (four in five such characters: a scan for one literal
        #   character is a tight loop, a character class is tested at every character; the
        #   phrase is taken with the space, a look ahead costs as much again, and the next
        #   search starts right after the space) and after any other character that is no
        #   Arabic letter, which also takes the runs of digits (a digit consumed, then the
        #   rest of its run: «2015», «١٥» folded); there the phrase is looked at ahead, so
        #   that no anchor inside it is passed over.
        anchor_spaces=re.compile(f" {sieve}"),
        anchor_others=re.compile(rf"[^\u0621-\u064a ](?:(?<=\d)\d*|(?={sieve}))"),
        anchor_phrase=re.compile(rf"[وبلف]?({_phrase_trie(phrases)})"),
        # - but not a year word with no digit right after it («العام الماضي»): the grammar's
        #   ``yw`` is followed by «{h}{0,3}\(?{h}{0,2}» and the year's first digit.
        year_words=frozenset(year_words),
        year_digits=re.compile(rf"{h}{{0,3}}\(?{h}{{0,2}}\d"),
        # - nor an ordinal with no «من» after it («المركز الأول»): the grammar's ``dayword``.
        day_words=frozenset(day_words),
        day_others=frozenset(day_others),
        day_word_of=re.compile(rf"{ordinal}{h}{{1,3}}من{h}"),
        main=main,
        # A preposition of time or a period word right before: «في آذار», «منذ 2015».
        strong_cue=compile_folded(rf"{_NLBP}{cues}{h}*[(«\"]?{h}*\Z"),
        strong_cue_ends=_last_words(
            c for c in _variants("dates_time_cues") if _fold_word(c) not in {"او", "و"}
        ),
        # A law or resolution number before «لسنة»: «القانون عدد 26 لسنة 2015».
        law_before=compile_folded(r"(?:\d|رقم|عدد)[\d/\s]*\Z"),
        # Between two parts of a list or range: «2001 إلى 2004», «2015 و2016».
        weak_gap=compile_folded(rf"{h}*[،,]?{h}*(?:و|او|الي|حتي|[-–/])?{h}*\Z"),
        # Between the halves of a dual date: «... هـ الموافق ...», «(1428هـ 2007م)».
        dual_gap=compile_folded(
            r"[\s()\[\]،,/\-–]*(?:الموافق|الموافقه|والموافق|ويوافق|يوافق|الموافق ل)?"
            r"[\s()\[\]،,/\-–]*\Z"
        ),
        # Between the ends of a range: «6 ذي القعدة - 1 ذي الحجة», «... إلى ...».
        range_gap=compile_folded(rf"{h}*(?:[-–]|الي|حتي|لغايه){h}*\Z"),
        today_before=compile_folded(rf"{_NLBP}{_alt(_today_exclusions())}{h}+(?:في{h}+)?\Z"),
        today_before_ends=(*_last_words(_today_exclusions()), "في"),
        # «اليوم الوطني», «اليوم الذي»: a noun with its adjective, not the day of writing.
        today_after=compile_folded(
            rf"{h}+{_alt(_variants('dates_today_exclusions', labelled=True, label='after'))}{_NB}"
        ),
        # A name in quote marks: «اليوم», "اليوم".
        quoted=compile_folded(rf"{h}*[»\"”]"),
        quoted_open=compile_folded(rf"[«\"“]{h}*\Z"),
        # A byline «اليوم - الدمام»: the outlet, then a dash and the place.
        byline_dash=compile_folded(rf"{h}*[-–]"),
        weekday_before=compile_folded(rf"{_NLBP}{_alt(before_wd)}{h}+\Z"),
        weekday_before_ends=_last_words(before_wd),
        weekday_after=compile_folded(rf"{h}+{_alt(after_wd)}{_NB}"),
        # Words that make a date at the opening something other than the day of writing.
        opening_cue=compile_folded(rf"{_NLBP}(?:{cues}|عام|العام|سنه){_NB}"),
        # A counted noun after a number: «1950 راكبا» is a count.
        count_after=compile_folded(rf"{h}+(?:ال)?{_alt(_variants('dates_count_nouns'))}"),
        months=_numbered("dates_months"),
        hijri_months=_numbered("dates_hijri_months"),
        homographs=frozenset(_key(_fold_word(w)) for w in data.words("dates_month_homographs")),
        weekdays=_numbered("dates_weekdays"),
        ordinals=_ordinals(),
        relative_days={k: int(v) for k, v in _labelled("dates_relative_days").items()},
        directions={k: int(v) for k, v in _labelled("dates_directions").items()},
        eras=_labelled("dates_eras"),
        time_words=_labelled("dates_time_words"),
        zones=_labelled("dates_zones"),
        minute_words={k: int(v) for k, v in _labelled("dates_minute_words").items()},
        cardinals={k: int(v) for k, v in _labelled("dates_cardinals").items()},
        # A clock time right before a day (``time_before``), tried only where the text before
        # the day ends with what a time ends with: a digit, a bracket, a period word, a zone,
        # «دقيقة», an hour word or a part of an hour.
        time_before=compile_folded(time_before),
        time_before_ends=(
            *"0123456789)",
            *_last_words(
                [
                    *_ampm_variants(),
                    *of_words,
                    *_variants("dates_time_words", labelled=True, label="utc"),
                    *_variants("dates_time_words", labelled=True, label="local"),
                    *_variants("dates_zones", labelled=True),
                    *_variants("dates_minute_words", labelled=True),
                    *(v for e in data.entries("dates_ordinals")[:12] for v in e),
                    "دقيقة",
                    "دقائق",
                ]
            ),
        ),
    )


# --- drafts: what a match says, in folded offsets ----------------------------------------


class _Draft:
    """What one match says, in folded offsets (a plain class: compiled, its fields are read
    and set directly)."""

    def __init__(
        self,
        *,
        start: int,
        end: int,
        calendar: Calendar = "gregorian",
        year: int | None = None,
        month: int | None = None,
        day: int | None = None,
        relative: bool = False,
        offset: int | None = None,
        weekday: int | None = None,
        year_only: bool = False,
        range_next: bool = False,
        explicit_year: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.calendar: Calendar = calendar
        self.year = year
        self.month = month
        self.day = day
        self.hour: int | None = None
        self.minute: int | None = None
        # after a time: a UTC offset «+03:00» or an IANA zone name
        self.zone: str | None = None
        self.relative = relative
        self.offset = offset  # a relative day: days from the day of writing
        # الماضي -1, الجاري 0, المقبل 1, بعد المقبل 2
        self.direction: int | None = None
        self.weekday = weekday  # 0 = Monday
        self.year_only = year_only
        # the first half of a range; the next draft is the second
        self.range_next = range_next
        self.explicit_year = explicit_year

    def copy(self) -> _Draft:
        """A draft with the same fields."""
        other = _Draft(
            start=self.start,
            end=self.end,
            calendar=self.calendar,
            year=self.year,
            month=self.month,
            day=self.day,
            relative=self.relative,
            offset=self.offset,
            weekday=self.weekday,
            year_only=self.year_only,
            range_next=self.range_next,
            explicit_year=self.explicit_year,
        )
        other.hour, other.minute, other.zone = self.hour, self.minute, self.zone
        other.direction = self.direction
        return other

    @property
    def precision(self) -> Precision:
        if self.hour is not None:
            return "minute"
        if self.day is not None or self.offset is not None or self.weekday is not None:
            return "day"
        return "month" if self.month is not None else "year"


# The groups of a clock time's hour and minutes, digit forms (an hour word is ``hword``).
_HOUR_GROUPS: Final = (("hh", "mi"), ("dh", "dmi"), ("rh", "rmi"), ("bh", "bmi"), ("ph", ""))


def _hour(g: _Grammar, m: re.Match[str]) -> tuple[int | None, int | None]:
    """The hour and minute of a clock time next to a date, the period word applied."""
    less = 0  # minutes before the hour («إلا خمس دقائق»)
    # (a time before a day has no bare hour «ph»: see the grammar's ``time_before``)
    groups = _HOUR_GROUPS if "ph" in m.re.groupindex else _HOUR_GROUPS[:-1]
    for hour_group, minute_group in groups:
        if m.group(hour_group) is not None:
            hour = int(m.group(hour_group))
            minute = int(m.group(minute_group) or 0) if minute_group else 0
            if hour_group == "bh" and m.group("bmw") is not None:
                minute = _cardinal(g, m.group("bmw"))
            break
    else:
        if m.group("hword") is None:
            return None, None
        hour = g.ordinals.get(_key(m.group("hword")), 0)
        minute = int(m.group("wmi") or 0)
        if m.group("wmw") is not None:
            minute = _cardinal(g, m.group("wmw"))
        if m.group("wlmi") is not None or m.group("wlmw") is not None:
            # «العاشرة إلا خمس دقائق»: minutes before the hour, after the period word
            before = m.group("wlmi")
            less = int(before) if before is not None else _cardinal(g, m.group("wlmw"))
    ampm = m.group("ampm")
    period = g.time_words.get(_key(ampm)) if ampm is not None else None
    if period is not None:
        period = period.removesuffix("-of")  # «ظهر 2 أكتوبر» is «ظهرا»
    if (period == "pm" and hour < 12) or (period == "noon" and 1 <= hour <= 5):
        hour += 12
    elif period == "night" and (hour == 12 or 6 <= hour < 12):
        hour = (hour + 12) % 24
    if less:
        hour, minute = (hour - 1) % 24, 60 - less
    fraction = m.group("bfrac") or m.group("wfrac")
    if fraction is not None:  # «والنصف» 30 minutes on, «إلا ربعا» 15 minutes before
        minutes = g.minute_words[_key(fraction)]
        if minutes < 0:
            hour, minute = (hour - 1) % 24, 60 + minutes
        else:
            minute = minutes
    return hour, minute


def _cardinal(g: _Grammar, words: str) -> int:
    """The value of minutes in words: «خمس» 5, «خمس عشرة» 15, «أربع وعشرين» 24 (a unit,
    «و» and a ten, as ``dates_cardinals`` and the grammar's ``cardinal`` have them)."""
    key = _key(words)
    if key in g.cardinals:
        return g.cardinals[key]
    # the «و» between the unit and the ten: «واحد» and «عشرون» hold one of their own
    for at in (i for i, c in enumerate(key) if c == "و"):
        unit, ten = key[:at], key[at + 1 :]
        if unit in g.cardinals and ten in g.cardinals:
            return g.cardinals[unit] + g.cardinals[ten]
    return 0


def _offset(sign: str | None, hours_text: str | None, minutes_text: str | None) -> str | None:
    """A written UTC offset «+3», «-3:30», «+0400» as «+HH:MM» (none written: «+00:00»);
    ``None`` beyond ±14 hours."""
    if sign is None or hours_text is None:
        return "+00:00"
    hours, minutes = int(hours_text), int(minutes_text or 0)
    if hours * 60 + minutes > 14 * 60:
        return None
    if hours == minutes == 0:
        return "+00:00"
    return f"{sign}{hours:02d}:{minutes:02d}"


def _zone(g: _Grammar, m: re.Match[str]) -> str | None:
    """What the zone after a clock time fixes: a UTC offset «+03:00», an IANA zone name
    («Asia/Beirut», its offset taken at the date by :func:`_utc_offset`), or ``None`` (no
    zone, «بالتوقيت المحلي», an offset beyond ±14 hours)."""
    if m.group("zplace") is not None:
        return g.zones.get(_key(m.group("zplace")))
    if m.group("zutc") is None:
        return None
    return _offset(m.group("zsign"), m.group("zh"), m.group("zm"))


def _time_before(g: _Grammar, text: str, draft: _Draft, first: int) -> None:
    """Give ``draft`` (a day with no time) the clock time written right before it, from
    ``first`` on at most: «10:30 ص 15 نوفمبر 2024», «GMT 17:27 17.03.2020» (the draft then
    starts at the time)."""
    start = draft.start
    lo = max(first, start - 100)
    if lo >= start or not _may_end_with(text, lo, start, g.time_before_ends, "،,-–|"):
        return
    m = g.time_before.search(text, lo, start)
    if m is None:
        return
    hour, minute = _hour(g, m)
    if hour is None:
        return
    zone = _zone(g, m)
    if zone is None and m.group("zbutc") is not None:  # «GMT 17:27»: the zone before it
        zone = _offset(m.group("zbsign"), m.group("zbh"), m.group("zbm"))
    draft.start, draft.hour, draft.minute, draft.zone = m.start(), hour, minute, zone


def _cue_before(g: _Grammar, text: str, start: int) -> bool:
    first = max(0, start - 24)
    if not _may_end_with(text, first, start, g.strong_cue_ends, '(«"'):
        return False
    return g.strong_cue.search(text, first, start) is not None


def _textual(g: _Grammar, text: str, m: re.Match[str]) -> list[_Draft]:
    day: int | None = None
    if m.group("day") is not None:
        day = int(m.group("day"))
    elif m.group("dayword") is not None:
        day = g.ordinals.get(_key(m.group("dayword")))
    elif m.group("ghurra") is not None:
        day = 1
    start, end = m.start(), m.end()
    gm, gm2, hm = m.group("gm"), m.group("gm2"), m.group("hm")
    year_text, direction = m.group("year"), m.group("dir")
    if gm is not None:
        calendar: Calendar = "gregorian"
        month = g.months[_key(gm)]
        if gm2 is not None and g.months.get(_key(gm2)) != month:
            # Two different months side by side are no dual name: keep the first alone.
            end, gm2, year_text, direction = m.end("gm"), None, None, None
        word = _key(gm)
    else:
        calendar, month, word = "hijri", g.hijri_months[_key(hm)], _key(hm)
    bare = (
        day is None
        and gm2 is None
        and year_text is None
        and direction is None
        and m.group("shahr") is None
    )
    if bare and word in g.homographs and not _cue_before(g, text, start):
        return []  # «مارس الرئيس ضغوطا», «طارق رمضان»
    if day is not None and not 1 <= day <= 31:
        return []
    draft = _Draft(start=start, end=end, calendar=calendar, month=month, day=day)
    if year_text is not None:
        draft.year, draft.explicit_year = int(year_text), True
    if direction is not None:
        draft.direction = g.directions[_key(direction)]
        draft.relative = True
    if m.group("wd") is not None:
        draft.weekday = g.weekdays[_key(m.group("wd"))] - 1
    if day is not None:
        draft.hour, draft.minute = _hour(g, m)
        if draft.hour is not None:
            draft.zone = _zone(g, m)
    elif m.group("time") is not None and m.end("time") > m.start("time"):
        # A clock time needs a day: leave it out of a month or a year.
        names = ("gm", "gm2", "hm", "year", "era", "dir")
        draft.end = max(m.end(n) for n in names if m.group(n) is not None)
    if m.group("rday") is not None:
        rday = int(m.group("rday"))
        rstart = m.start("rday")
        if _HOUR_WORD_BEFORE.search(m.string, max(0, rstart - 8), rstart):
            draft.start, draft.weekday = m.start("day"), None
            return [draft]
        if 1 <= rday <= 31:
            first_start = m.start("yomay") if m.group("yomay") else m.start("rday")
            lead = start if m.group("wd") is not None else first_start
            first = draft.copy()
            first.start, first.end, first.day = lead, m.end("rday"), rday
            first.hour = first.minute = None
            first.range_next = True
            draft.start, draft.weekday = m.start("day"), None
            return [first, draft]
    return [draft]


def _numeric(g: _Grammar, m: re.Match[str]) -> list[_Draft]:
    if m.group("nd") is not None:
        day, month, year = int(m.group("nd")), int(m.group("nm")), int(m.group("ny"))
    else:
        day, month, year = int(m.group("nd2")), int(m.group("nm2")), int(m.group("ny2"))
    if month > 12 and day <= 12:
        day, month = month, day  # MM/DD/YYYY (a Drupal default)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return []
    era = m.group("nera")
    hijri = (era is not None and g.eras[_key(era)] == "hijri") or 1300 <= year <= 1500
    if not hijri and not 1800 <= year <= 2199:
        return []
    draft = _Draft(
        start=m.start(),
        end=m.end(),
        calendar="hijri" if hijri else "gregorian",
        year=year,
        month=month,
        day=day,
        explicit_year=True,
    )
    if m.group("wd") is not None:
        draft.weekday = g.weekdays[_key(m.group("wd"))] - 1
    if m.group("ih") is not None:
        draft.hour, draft.minute = int(m.group("ih")), int(m.group("imi"))
        offset = m.group("ioff")
        if offset is not None:  # «2020-07-12T00:23:21+02:00»: «Z» and «+0200» as «+HH:MM»
            offset = "+00:00" if offset == "Z" else offset.replace(":", "")
            draft.zone = offset if offset == "+00:00" else f"{offset[:3]}:{offset[3:]}"
    else:
        draft.hour, draft.minute = _hour(g, m)
        if draft.hour is not None:
            draft.zone = _zone(g, m)
    return [draft]


def _relative(g: _Grammar, text: str, m: re.Match[str]) -> list[_Draft]:
    word = _key(m.group("rel"))
    offset = g.relative_days[word]
    if offset == 0 and m.group("rwd") is None and m.group("rdp") is None:
        # «اليوم» meaning nowadays, a named day or a title (GOLD.md): not annotated.
        first = max(0, m.start() - 24)
        before = _may_end_with(text, first, m.start(), g.today_before_ends) and (
            g.today_before.search(text, first, m.start()) is not None
        )
        if before or g.today_after.match(text, m.end()) is not None:
            return []
        if g.quoted.match(text, m.end()) is not None and g.quoted_open.search(
            text, max(0, m.start() - 3), m.start()
        ):
            return []  # «اليوم» the newspaper, «اليوم - المدينة المنورة» a byline
        if g.byline_dash.match(text, m.end()) is not None:
            return []
    draft = _Draft(start=m.start(), end=m.end(), relative=True, offset=offset)
    if m.group("rwd") is not None:
        draft.weekday = g.weekdays[_key(m.group("rwd"))] - 1
    return [draft]


def _weekday(g: _Grammar, text: str, m: re.Match[str]) -> list[_Draft]:
    start = m.start("wd2")
    first = max(0, start - 16)
    if _may_end_with(text, first, start, g.weekday_before_ends) and (
        g.weekday_before.search(text, first, start) is not None
    ):
        return []  # «صلاة الجمعة»
    if m.group("wdir") is None and g.weekday_after.match(text, m.end("wd2")) is not None:
        return []  # «الأحد عشر»
    draft = _Draft(
        start=m.start(),
        end=m.end(),
        relative=True,
        weekday=g.weekdays[_key(m.group("wd2"))] - 1,
    )
    if m.group("wdir") is not None:
        draft.direction = g.directions[_key(m.group("wdir"))]
    return [draft]


def _year(g: _Grammar, text: str, m: re.Match[str], previous: _Draft | None) -> list[_Draft]:
    year = int(m.group("yy"))
    era, word = m.group("yera"), m.group("yw")
    start = m.start()
    # the next of a list or range: «2001 إلى 2004», «2015 و2016», «1426هـ و1427»
    listed = (
        previous is not None
        and previous.end <= start
        and start - previous.end <= 8
        and g.weak_gap.match(text, previous.end, start) is not None
        and previous.precision in ("year", "month", "day")
        and not previous.relative
    )
    # with no era of its own, a year listed after a Hijri date is Hijri: «عام 1426 هـ و عام
    # 1427» (conventions §5.4: a Hijri context)
    hijri_listed = (
        era is None and listed and previous is not None and previous.calendar == "hijri"
    ) and 1300 <= year <= 1500
    calendar: Calendar = "hijri" if hijri_listed else "gregorian"
    if era is not None:
        calendar = "hijri" if g.eras[_key(era)] == "hijri" else "gregorian"
        accept = True
    elif word is not None:
        law = _key(word) in {"لسنه", "سنه", "لعام"} and g.law_before.search(
            text, max(0, start - 12), start
        )
        accept = not law and 1000 <= year <= 2199
    else:
        accept = (
            (1800 <= year <= 2100 or hijri_listed)
            and g.count_after.match(text, m.end()) is None
            and (_cue_before(g, text, start) or listed)
        )
    if not accept:
        return []
    drafts = []
    if m.group("ry") is not None:
        first_year = int(m.group("ry"))
        if first_year < year:
            first = _Draft(
                start=m.start("ry"),
                end=m.end("ry"),
                calendar=calendar,
                year=first_year,
                year_only=True,
                explicit_year=True,
                range_next=True,
            )
            drafts.append(first)
    start = m.start() if m.group("ry") is None or not drafts else m.start("yy")
    drafts.append(
        _Draft(
            start=start,
            end=m.end(),
            calendar=calendar,
            year=year,
            year_only=True,
            explicit_year=True,
        )
    )
    return drafts


def _digit_anchor(g: _Grammar, text: str, start: int, end: int) -> bool:
    """Whether the run of digits ``text[start:end]`` may open a date (see ``anchor_digits``)."""
    size = end - start
    if size == 4:
        year = text[start] == "1" or text.startswith("20", start)
        return year or g.after_year.match(text, end) is not None
    if size == 1 or (size == 2 and text[start] in "0123"):
        return g.after_day.match(text, end) is not None
    return False


def _phrase_anchor(g: _Grammar, text: str, at: int, found: list[int]) -> None:
    """Add ``at`` (and where the phrase starts after a glued letter) to ``found`` when a
    starter phrase stands there that may open a date (see ``anchor_phrase``)."""
    phrase = g.anchor_phrase.match(text, at)
    if phrase is None:
        return
    word = phrase[1]
    if word in g.year_words:
        if g.year_digits.match(text, phrase.end()) is None:
            return
    elif word in g.day_words and text[at : phrase.end()] not in g.day_others:
        of = g.day_word_of.match
        if of(text, phrase.start(1)) is None and of(text, at) is None:
            return
    found.append(at)
    found.append(phrase.start(1))


def _anchors(g: _Grammar, text: str) -> list[int]:
    """Where a date may start, in order: the grammar is tried only there."""
    found: list[int] = []
    if (m := g.anchor_phrase.match(text)) is not None:
        found.extend((0, m.start(1)))
    for m in g.anchor_others.finditer(text):
        start, after = m.span()
        char = text[start]
        if after - start > 1 or char.isdecimal():
            # a run of digits
            if _digit_anchor(g, text, start, after):
                found.append(start)
                if after - start < 4:  # a day: maybe with the article glued to it
                    article = g.day_article.search(text, max(0, start - 4), start)
                    if article is not None:
                        found.append(article.start())
            continue
        if char.isalnum() or char == "_":
            continue  # a letter or a digit of another script: no word starts here
        _phrase_anchor(g, text, after, found)
    # the sieve after a space takes the phrase with it: the next look starts right after
    # the space, so that no place inside the phrase is passed over
    spaces = g.anchor_spaces.search
    space = spaces(text)
    while space is not None:
        at = space.start() + 1
        _phrase_anchor(g, text, at, found)
        space = spaces(text, at)
    return sorted(set(found))


def _scan(g: _Grammar, text: str) -> list[_Draft]:
    """The drafts of ``text``: the full grammar is tried only where a date may start."""
    drafts: list[_Draft] = []
    done = 0
    for at in _anchors(g, text):
        if at < done:
            continue
        m = g.main.match(text, at)
        if m is None or m.end() == at:
            continue
        new = _drafts(g, text, m, drafts[-1] if drafts else None)
        if (
            len(new) == 1
            and new[0].day is not None
            and new[0].hour is None
            and (m.group("nu") is not None or m.group("tx") is not None)
        ):
            # from the end of the last mention on (not of the last match: «1000» in «الساعة
            # 1000 بتوقيت بيروت» matches as a year, and is none)
            _time_before(g, text, new[0], drafts[-1].end if drafts else 0)
        done = m.end()
        drafts.extend(new)
    return drafts


def _drafts(g: _Grammar, text: str, m: re.Match[str], previous: _Draft | None) -> list[_Draft]:
    """What one match of the grammar says (``previous``: the draft before it, if any)."""
    if m.group("nu") is not None:
        return _numeric(g, m)
    if m.group("tx") is not None:
        return _textual(g, text, m)
    if m.group("re") is not None:
        return _relative(g, text, m)
    if m.group("we") is not None:
        return _weekday(g, text, m)
    return _year(g, text, m, previous)


# --- values ------------------------------------------------------------------------------


def _gregorian_of(year: int, month: int, day: int) -> dt.date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _hijri_of(date: dt.date) -> tuple[int, int, int] | None:
    try:
        h = Gregorian(date.year, date.month, date.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return int(h.year), int(h.month), int(h.day)


def _valid(draft: _Draft) -> bool:
    if draft.year is None or draft.month is None or draft.day is None:
        return True
    if draft.calendar == "gregorian":
        try:
            dt.date(draft.year, draft.month, draft.day)
        except ValueError:
            return False
        return True
    return draft.day <= 30


def _needs_year(draft: _Draft) -> bool:
    """A day and month without a year, not relative («15 مارس»)."""
    return (
        draft.year is None
        and draft.day is not None
        and draft.month is not None
        and not draft.relative
    )


def _fill_years(text: str, drafts: list[_Draft]) -> None:
    """A day and month without a written year take the year written in the same paragraph
    (GOLD.md), the one whose weekday agrees when a weekday is given, else the nearest before."""
    if not any(_needs_year(d) for d in drafts):
        return  # most articles: nothing to fill, no need to find the paragraphs
    by_line: dict[int, list[_Draft]] = {}
    line = pos = 0
    for draft in sorted(drafts, key=lambda d: d.start):
        # the paragraph: how many line breaks stand before the draft's start, counted on
        # from the previous draft (one pass over the text, not one per draft)
        line += text.count("\n", pos, draft.start + 1)
        pos = max(pos, draft.start + 1)
        by_line.setdefault(line, []).append(draft)
    for group in by_line.values():
        # the written years of the paragraph by calendar, in order (filling a year changes
        # none of them: a filled year is not written); looked up once per paragraph, not
        # once per draft (a paragraph of many days would cost its square)
        years: dict[str, list[int]] = {}
        starts: dict[str, list[int]] = {}
        for other in group:
            if other.explicit_year and other.year:
                years.setdefault(other.calendar, []).append(other.year)
                starts.setdefault(other.calendar, []).append(other.start)
        if not years:
            continue
        for draft in group:
            if draft.year is not None or draft.day is None or draft.month is None:
                continue
            if draft.relative or draft.calendar not in years:
                continue
            written = years[draft.calendar]
            chosen: int | None = None
            if draft.weekday is not None:
                for year in written:
                    if _weekday_of(draft.calendar, year, draft.month, draft.day) == draft.weekday:
                        chosen = year
                        break
            if chosen is None:
                before = bisect.bisect_left(starts[draft.calendar], draft.start)
                chosen = written[before - 1] if before else written[0]
            draft.year = chosen


def _weekday_of(calendar: str, year: int, month: int, day: int) -> int | None:
    if calendar == "hijri":
        date = _gregorian_of(year, month, day)
        return date.weekday() if date is not None else None
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def _value(draft: _Draft) -> str | None:
    if draft.relative or draft.year is None:
        return None
    if draft.year_only or draft.month is None:
        return f"{draft.year:04d}"
    if draft.day is None:
        return f"{draft.year:04d}-{draft.month:02d}"
    value = f"{draft.year:04d}-{draft.month:02d}-{draft.day:02d}"
    if draft.hour is not None and draft.minute is not None:
        value += f"T{draft.hour:02d}:{draft.minute:02d}"
        if draft.zone is not None and draft.zone[0] in "+-":
            value += draft.zone
    return value


@functools.cache
def _tz(name: str) -> dt.tzinfo | None:
    """The IANA zone ``name`` from the stdlib ``zoneinfo``, or ``None`` where the machine has
    no data for it (no system database and no ``tzdata`` package)."""
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


def _utc_offset(draft: _Draft) -> str | None:
    """The UTC offset «+03:00» that the zone after a draft's time fixes: a fixed one as it
    is, a zone name's at that day and time (daylight saving included: «بتوقيت بيروت» is
    +03:00 in July, +02:00 in January); ``None`` when it cannot be known."""
    zone = draft.zone
    if zone is None or zone[0] in "+-":
        return zone
    year, month, day, hour, minute = draft.year, draft.month, draft.day, draft.hour, draft.minute
    if year is None or month is None or day is None or hour is None or minute is None:
        return None
    if draft.calendar == "hijri":
        date = _gregorian_of(year, month, day)
    else:
        try:
            date = dt.date(year, month, day)
        except ValueError:
            date = None
    tz = _tz(zone)
    if date is None or tz is None:
        return None
    when = dt.datetime(date.year, date.month, date.day, hour, minute, tzinfo=tz)
    offset = when.utcoffset()
    if offset is None:
        return None
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{sign}{hours:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds else "")


def _gregorian(draft: _Draft) -> dt.date | None:
    if draft.calendar != "hijri" or draft.relative or None in (draft.year, draft.month, draft.day):
        return None
    assert draft.year is not None
    assert draft.month is not None
    assert draft.day is not None
    return _gregorian_of(draft.year, draft.month, draft.day)


def _link_ranges(g: _Grammar, text: str, drafts: list[_Draft]) -> None:
    """Mark «6 ذي القعدة - 1 ذي الحجة», «من 22 مارس 2018 إلى 30 نوفمبر 2024» as ranges."""
    for first, second in itertools.pairwise(drafts):
        if (
            first.calendar == second.calendar
            and not first.relative
            and not second.relative
            and first.year_only == second.year_only
            and 0 <= second.start - first.end <= 12
            and g.range_gap.match(text, first.end, second.start) is not None
        ):
            first.range_next = True


def _groups(drafts: list[_Draft]) -> list[list[int]]:
    groups: list[list[int]] = []
    for i in range(len(drafts)):
        if i and drafts[i - 1].range_next:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _link_duals(
    g: _Grammar, text: str, drafts: list[_Draft], notice: NoticeSink, folded: Folded
) -> dict[int, int]:
    """Pair the halves of dual dates «26 شوال 1436 هـ الموافق 11 اغسطس 2015 م»."""
    pairs: dict[int, int] = {}
    groups = _groups(drafts)
    for a, b in itertools.pairwise(groups):
        first, second = drafts[a[-1]], drafts[b[0]]
        if len(a) != len(b) or first.calendar == second.calendar:
            continue
        if first.relative or second.relative or second.start - first.end > 24:
            continue
        if g.dual_gap.match(text, first.end, second.start) is None:
            continue
        if first.year_only != second.year_only:
            continue
        for i, j in zip(a, b, strict=True):
            pairs[i], pairs[j] = j, i
            hijri, greg = (drafts[i], drafts[j])
            if hijri.calendar != "hijri":
                hijri, greg = greg, hijri
            _check_dual(hijri, greg, notice, folded)
    return pairs


def _check_dual(hijri: _Draft, greg: _Draft, notice: NoticeSink, folded: Folded) -> None:
    if hijri.day is None or greg.day is None or hijri.month is None or greg.month is None:
        return
    if greg.year is not None and hijri.year is None:
        # «الأول من ذي القعدة الموافق 16 أغسطس 2015م»: the Hijri year from the other half.
        try:
            h = _hijri_of(dt.date(greg.year, greg.month, greg.day))
        except ValueError:
            return
        if h is not None and h[1:] == (hijri.month, hijri.day):
            hijri.year = h[0]
        return
    if hijri.year is None or greg.year is None:
        return
    converted = _gregorian_of(hijri.year, hijri.month, hijri.day)
    try:
        stated = dt.date(greg.year, greg.month, greg.day)
    except ValueError:
        return
    if converted is not None and converted != stated:
        notice(
            Notice(
                code="date.dual-mismatch",
                message=(
                    f"the Hijri date {_value(hijri)} is {converted.isoformat()} by Umm al-Qura, "
                    f"but the text pairs it with {stated.isoformat()}"
                ),
                span=folded.span(min(hijri.start, greg.start), max(hijri.end, greg.end)),
            )
        )


def detect_dates(folded: Folded, notice: NoticeSink) -> tuple[DateMention, ...]:
    """Every date expression of a folded text, in order, with spans into ``folded.source``.

    Args:
        folded: the folded view of the text (``arnews.text.fold.fold(text)``).
        notice: where problems are reported (Hijri dates outside the Umm al-Qura table,
            impossible days, dual dates whose halves disagree, weekdays that disagree).

    Returns:
        The mentions, ``relative`` ones with ``resolved`` still empty (see
        :func:`resolve_dates`).

    >>> ds = detect_dates(fold("وصل يوم الخميس 28 شوال 1436هـ الموافق 13 أغسطس 2015م"), print)
    >>> [(d.text, d.value, d.pair) for d in ds]
    [('يوم الخميس 28 شوال 1436هـ', '1436-10-28', 1), ('13 أغسطس 2015م', '2015-08-13', 0)]
    >>> ds[0].gregorian
    datetime.date(2015, 8, 13)
    """
    g = _grammar()
    text = folded.text
    drafts = [d for d in _scan(g, text) if d.end > d.start]
    _link_ranges(g, text, drafts)
    for draft in drafts:
        if not _valid(draft):
            notice(
                Notice(
                    code="date.invalid",
                    message=f"no such day: {draft.year}-{draft.month}-{draft.day}",
                    span=folded.span(draft.start, draft.end),
                )
            )
            draft.day = None
    _fill_years(text, drafts)
    for draft in drafts:
        if draft.zone is not None:
            draft.zone = _utc_offset(draft)
    pairs = _link_duals(g, text, drafts, notice, folded)
    out = []
    source = folded.source
    span_of = folded.span
    for i, draft in enumerate(drafts):
        span = span_of(draft.start, draft.end)
        calendar = draft.calendar
        relative = draft.relative
        year, month, day = draft.year, draft.month, draft.day
        gregorian = resolved = None
        if calendar == "hijri":
            if day is not None and year is not None and not relative:
                gregorian = _gregorian_of(year, month, day) if month is not None else None
                if gregorian is None:
                    notice(
                        Notice(
                            code="date.hijri-out-of-range",
                            message=(
                                f"{_value(draft)} is outside the Umm al-Qura table "
                                "(1343-1500 AH) or not a day of it"
                            ),
                            span=span,
                        )
                    )
            resolved = gregorian
        elif year and month and day and not relative:
            try:
                resolved = dt.date(year, month, day)
            except ValueError:
                resolved = None
        if (
            draft.weekday is not None
            and not relative
            and year is not None
            and month is not None
            and day is not None
        ):
            if calendar == "hijri":  # the day was converted above
                actual = gregorian.weekday() if gregorian is not None else None
            else:
                actual = _weekday_of(calendar, year, month, day)
            if actual is not None and actual != draft.weekday:
                notice(
                    Notice(
                        code="date.weekday-mismatch",
                        message=f"the weekday named does not fall on {_value(draft)}",
                        span=span,
                    )
                )
        out.append(
            DateMention(
                text=source[span.start : span.end],
                span=span,
                calendar=calendar,
                value=_value(draft),
                gregorian=gregorian,
                precision=draft.precision,
                relative=relative,
                resolved=resolved,
                pair=pairs.get(i),
            )
        )
    return tuple(out)


def find_dates(text: str) -> tuple[DateMention, ...]:
    """Every date expression of ``text``, spans into ``text``; notices are dropped.

    Args:
        text: any string (a line, a paragraph, a page header).

    Returns:
        The mentions in order (see :func:`detect_dates`).

    >>> [(d.text, d.value) for d in find_dates("الخميس ١٥ تشرين الثاني ٢٠١٧ - 06:54")]
    [('الخميس ١٥ تشرين الثاني ٢٠١٧ - 06:54', '2017-11-15T06:54')]
    """
    return detect_dates(fold(text), lambda _notice: None)


# --- publication date and resolution -----------------------------------------------------


def _as_date(mention: DateMention) -> dt.datetime | dt.date | None:
    if mention.relative or mention.value is None or mention.precision not in ("day", "minute"):
        return None
    if mention.calendar == "hijri":
        return mention.gregorian
    try:
        if mention.precision == "minute":
            return dt.datetime.fromisoformat(mention.value)
        return dt.date.fromisoformat(mention.value)
    except ValueError:
        return None


def publication_date(
    dates: Sequence[DateMention], text: str, dateline: Span | None, opening: Span | None
) -> dt.datetime | dt.date | None:
    """The publication date an article states: in its dateline, else at its opening.

    Args:
        dates: the article's mentions (:func:`detect_dates`).
        text: ``Article.text``.
        dateline: the dateline's span, if the article has one.
        opening: the span of the first block after the headline (the dateline line or the
            first paragraph).

    Returns:
        The Gregorian day (a ``datetime`` when a time is given) or ``None``. In the dateline
        the Gregorian half of a dual date wins; at the opening a date counts when it stands
        within the first 60 characters and no preposition of time («في», «منذ») comes before
        it («اليوم الأربعاء 22 فيفري 2017»).

    >>> t = "جدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
    >>> publication_date(find_dates(t), t, Span(start=0, end=len(t)), None)
    datetime.date(2015, 8, 10)
    """
    if dateline is not None:
        inside = [d for d in dates if d.span.overlaps(dateline) and _as_date(d) is not None]
        inside.sort(key=lambda d: d.calendar != "gregorian")
        if inside:
            return _as_date(inside[0])
    if opening is None:
        return None
    for mention in dates:
        if not opening.contains(mention.span) or mention.span.start - opening.start > 60:
            continue
        when = _as_date(mention)
        lead = fold(text[opening.start : mention.span.start]).text
        if when is not None and _grammar().opening_cue.search(lead) is None:
            return when
    return None


def _resolve_one(mention: DateMention, draft: _Draft, ref: dt.date) -> dt.date | None:
    if draft.offset is not None:
        return ref + dt.timedelta(days=draft.offset)
    if draft.month is None and draft.weekday is not None:
        back = (ref.weekday() - draft.weekday) % 7
        if draft.direction is None or draft.direction == 0:
            return ref - dt.timedelta(days=back)
        if draft.direction < 0:
            return ref - dt.timedelta(days=back or 7)
        ahead = (draft.weekday - ref.weekday()) % 7 or 7
        return ref + dt.timedelta(days=ahead + 7 * (draft.direction - 1))
    if draft.month is None:
        return None
    day = draft.day or 1
    if mention.calendar == "hijri":
        today = _hijri_of(ref)
        if today is None:
            return None
        year, month = today[0], today[1]
        convert: Callable[[int, int, int], dt.date | None] = _gregorian_of
    else:
        year, month = ref.year, ref.month

        def convert(y: int, m: int, d: int) -> dt.date | None:
            try:
                return dt.date(y, m, d)
            except ValueError:
                return None

    if draft.direction is not None:
        if draft.direction == 0:
            target_year = year
        elif draft.direction < 0:
            target_year = year if draft.month < month else year - 1
        else:
            target_year = year if draft.month > month else year + 1
            target_year += max(0, draft.direction - 1)
        return convert(target_year, draft.month, day)
    # A day and month without a year: the occurrence nearest to the reference.
    options = [convert(y, draft.month, day) for y in (year - 1, year, year + 1)]
    found = [d for d in options if d is not None]
    return min(found, key=lambda d: abs((d - ref).days)) if found else None


def _reparse(mention: DateMention) -> _Draft | None:
    """What :func:`resolve_dates` needs to know about a mention (its relative day, weekday,
    direction, month and day), read back from its text: the draft of its last match."""
    g = _grammar()
    folded = fold(mention.text).text
    # A mention is one match of the grammar: when the grammar, tried at the start, takes the
    # whole text and a date may start there, that is the only match :func:`_scan` finds.
    run = g.anchor_digits.match(folded)
    if run is not None:
        first = _digit_anchor(g, folded, run.start(), run.end())
    else:
        first = g.anchor_phrase.match(folded) is not None
    m = g.main.match(folded) if first else None
    if m is not None and 0 < m.end() == len(folded):
        drafts = _drafts(g, folded, m, None)
    else:
        drafts = _scan(g, folded)
    if not drafts:
        return None
    return drafts[-1]


def resolve_dates(
    dates: Sequence[DateMention], reference: dt.datetime | dt.date | None
) -> tuple[DateMention, ...]:
    """Fill ``resolved`` for relative mentions and year-less days from ``reference``.

    Args:
        dates: the mentions (:func:`detect_dates`).
        reference: when the article was written (``ParseOptions.reference_time`` or the
            publication date); ``None`` leaves the mentions as they are.

    Returns:
        The mentions, with ``resolved`` set where it can be: «أمس» is the day before,
        a bare weekday the last such day on or before the reference, «الأحد الماضي» the
        last Sunday before it, «الأحد المقبل» the next one, «مايو الماضي» the first day of
        the last May, «5 مارس» the 5 March nearest to the reference.

    >>> import datetime
    >>> found = find_dates("قال أمس الثلاثاء إن الاجتماع الأحد المقبل")
    >>> ds = resolve_dates(found, datetime.date(2015, 8, 12))
    >>> [(d.text, str(d.resolved)) for d in ds]
    [('أمس الثلاثاء', '2015-08-11'), ('الأحد المقبل', '2015-08-16')]
    """
    if reference is None:
        return tuple(dates)
    ref = reference.date() if isinstance(reference, dt.datetime) else reference
    out = []
    for mention in dates:
        absolute = not mention.relative and mention.value is not None
        if mention.resolved is not None or mention.precision == "year" or absolute:
            out.append(mention)
            continue
        parsed = _reparse(mention)
        resolved = _resolve_one(mention, parsed, ref) if parsed is not None else None
        out.append(attrs.evolve(mention, resolved=resolved) if resolved else mention)
    return tuple(out)


def finish_dates(
    dates: Sequence[DateMention],
    layout: Layout,
    published: dt.datetime | dt.date | None,
    reference: dt.datetime | dt.date | None,
) -> tuple[dt.datetime | dt.date | None, tuple[DateMention, ...]]:
    """The publication date and the resolved mentions, for the pipeline's ``assemble``.

    Args:
        dates: the mentions of the ``dates`` stage.
        layout: the article's layout (its text, dateline and blocks).
        published: the page metadata's publication date, which wins when present.
        reference: ``ParseOptions.reference_time``; else the publication date is used.

    Returns:
        ``(published, dates)``: ``published`` is the metadata's date, else
        :func:`publication_date` of the dateline and the first block after the headline.

    >>> import arnews
    >>> art = arnews.parse_text("الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس\\nقال أمس إن")
    >>> art.published, art.dates[-1].text, art.dates[-1].resolved
    (datetime.date(2015, 8, 11), 'أمس', datetime.date(2015, 8, 10))
    """
    if published is None:
        opening = next((b.span for b in layout.blocks if b.role != "headline"), None)
        dateline = layout.dateline.span if layout.dateline is not None else None
        published = publication_date(dates, layout.text, dateline, opening)
    return published, resolve_dates(dates, reference if reference is not None else published)
