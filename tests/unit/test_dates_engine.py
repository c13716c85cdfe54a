"""The stdlib-engine form of the date grammar: the same letters as ``\\p{L}``, optional groups
rewritten without changing a match, and the first look for phrases missing none of them."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from arnews import data
from arnews.detect import dates
from arnews.detect.dates import _fold_word, _grammar, _optional_as_branch, _stdlib, find_dates
from arnews.text.fold import fold
from tests.strategies import arabic_heavy, articles, hostile_text, rendered_dates


def _sample() -> list[str]:
    """Every 37th code point, the Arabic block whole, and a few beyond the basic plane."""
    points = set(range(0, 0x110000, 37)) | set(range(0x0600, 0x0700))
    points |= {0x1F534, 0x1F600, 0x10400, 0x1D400, 0x20000, 0x2F800, 0xB2, 0xBD, 0x2167}
    return [chr(p) for p in sorted(points) if not 0xD800 <= p < 0xE000]


def test_letters_are_the_regex_module_letters() -> None:
    """«\\p{L}» spelled out for the stdlib engine takes the letters the regex module takes
    (where both Unicode versions know the character), alone, before and inside a class."""
    alone = _stdlib(r"\p{L}")
    after = _stdlib(r"(?<!\p{L})x")
    in_class = _stdlib(r"[\p{L}\d]")
    for char in _sample():
        if unicodedata.category(char) == "Cn":
            continue  # unassigned in this Python: the regex module may know it
        letter = regex.fullmatch(r"\p{L}", char) is not None
        assert (alone.fullmatch(char) is not None) == letter, hex(ord(char))
        assert (after.search(char + "x") is None) == letter, hex(ord(char))
        assert (in_class.fullmatch(char) is not None) == (letter or char.isdecimal())


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:ال[^\S\n]{0,2})?(?P<day>\d\d?)(?:[^\S\n]+(?P<m>مارس|مايو))?",
        r"(?P<a>(?:يوم )?(?P<w>الخميس|الجمعه))?[^\S\n]*(?P<d>\d+)?(?:[^\S\n]*(?P<y>\d{4}))?",
        r"[(]?(?:x(?:y)?z)?\)?(a)??b",
    ],
)
def test_optional_groups_as_branches_match_alike(pattern: str) -> None:
    """«(...)?» written «(?:(...)|)» gives the same match and groups, backtracking included."""
    plain, rewritten = re.compile(pattern), re.compile(_optional_as_branch(pattern))
    assert rewritten.pattern != pattern
    texts = [
        "يوم الخميس 15 2024",
        "الجمعه 3",
        "ال 5 مارس",
        "ال5",
        "15 مايو",
        "(xyz)b",
        "xzab",
        "",
    ]
    for text in texts:
        for start in range(len(text) + 1):
            a, b = plain.match(text, start), rewritten.match(text, start)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups()))


def test_every_starter_phrase_is_an_anchor() -> None:
    """The first look for phrases (common first letters exact, the others through a shared
    sieve) misses none: each month, weekday, ordinal, relative word or year word, alone or
    after a glued «و», is where the grammar is tried."""
    g = _grammar()
    names = [
        "dates_months",
        "dates_hijri_months",
        "dates_weekdays",
        "dates_ordinals",
        "dates_dayparts",
        "dates_year_words",
    ]
    words = [v for name in names for entry in data.entries(name) for v in entry]
    words += [v for entry in data.entries("dates_relative_days") for v in entry[1:]]
    years = {v for entry in data.entries("dates_year_words") for v in entry}
    ordinals = {v for entry in data.entries("dates_ordinals") for v in entry}
    for word in words:
        phrase = _fold_word(word)
        # a year word is tried before a year, an ordinal before «من» (see the next test)
        tail = " 2015" if word in years else " من اذار" if word in ordinals else ""
        text = f"قال ان {phrase}{tail} و{phrase}{tail}، ثم"
        found = dates._anchors(g, text)
        start = len("قال ان ")
        assert start in found, phrase
        assert start + len(phrase + tail) + 2 in found, phrase  # the phrase after «و»


def test_year_and_ordinal_words_alone_are_no_anchors() -> None:
    """«العام الماضي», «المركز الأول»: a year word with no year after it and an ordinal
    with no «من» after it start no date, and the grammar is not tried there; before a year
    or «من» and a month they are."""
    g = _grammar()
    for phrase in ("العام", "وعام", "سنه", "الاول", "الثانيه", "الحادي والعشرين"):
        text = f"قال ان {phrase} الماضي"
        assert dates._anchors(g, text) == [], phrase
    assert dates._anchors(g, "قال ان العام (2015")[0] == len("قال ان ")
    assert dates._anchors(g, "قال ان الحادي والعشرين من اذار")[0] == len("قال ان ")
    assert [d.text for d in find_dates("حل العام الماضي في الحادي والعشرين من آذار")] == [
        "الحادي والعشرين من آذار"
    ]


def _anchors_by_position(text: str) -> list[int]:
    """:func:`dates._anchors` the slow way, the definition tried at every position: a run of
    digits a date can start with, or a whole starter phrase (maybe after a glued و/ب/ل/ف)
    at the start of the text, after a space or after a character that is no Arabic letter,
    letter or digit (a year word only before a year, an ordinal only before «من»)."""
    g = _grammar()
    found: list[int] = []
    if (m := g.anchor_phrase.match(text)) is not None:
        found += [0, m.start(1)]
    for run in re.finditer(r"\d+", text):
        start, end = run.span()
        if dates._digit_anchor(g, text, start, end):
            found.append(start)
            if end - start < 4 and (a := g.day_article.search(text, max(0, start - 4), start)):
                found.append(a.start())
    for at in range(1, len(text)):
        before = text[at - 1]
        if before != " " and ("\u0621" <= before <= "\u064a" or before.isalnum() or before == "_"):
            continue
        if (phrase := g.anchor_phrase.match(text, at)) is None:
            continue
        word = phrase[1]
        if word in g.year_words and g.year_digits.match(text, phrase.end()) is None:
            continue
        if word in g.day_words and text[at : phrase.end()] not in g.day_others:
            of = g.day_word_of.match
            if of(text, phrase.start(1)) is None and of(text, at) is None:
                continue
        found += [at, phrase.start(1)]
    return sorted(set(found))


@given(st.one_of(arabic_heavy, articles(), hostile_text))
def test_the_sieves_miss_no_anchor(text: str) -> None:
    """The scans for where a date may start (a literal space then a trie that takes the
    phrase with it, and a class for the other characters) find exactly the places that the
    definition, tried at every position, finds."""
    folded = fold(text).text
    assert dates._anchors(_grammar(), folded) == _anchors_by_position(folded)


def test_the_sieves_miss_no_anchor_in_the_corpus(corpus_dir: Path) -> None:
    """The same on the opening of every corpus article (real punctuation, digits, Latin)."""
    g = _grammar()
    for path in sorted((corpus_dir / "articles").glob("*.txt"))[::3]:
        folded = fold(path.read_text(encoding="utf-8", errors="replace")[:3000]).text
        assert dates._anchors(g, folded) == _anchors_by_position(folded), path.name


def _main_as_written_before() -> re.Pattern[str]:
    """The grammar with its blanks around a mark written the plain way, «h{0,3}[،,]?h{0,3}»
    (see :func:`dates._blanks_around`): the reference the faster form must match alike."""
    pattern = _grammar().main.pattern
    for mark, before, after in (
        ("[،,]", 3, 3),
        (r"\(", 3, 2),
        ("[(،,]", 3, 2),
        (r"[،,.\-–|]", 3, 3),
    ):
        new = fold(dates._blanks_around(mark, before, after)).text
        old = fold(f"{dates._H}{{0,{before}}}{mark}?{dates._H}{{0,{after}}}").text
        assert new in pattern, mark
        pattern = pattern.replace(new, old)
    return re.compile(pattern)


def _same_matches(reference: re.Pattern[str], text: str) -> None:
    main = _grammar().main
    for at in range(len(text)):
        a, b = reference.match(text, at), main.match(text, at)
        assert (a and (a.span(), a.groupdict())) == (b and (b.span(), b.groupdict())), (at, text)


@given(st.one_of(rendered_dates(), st.tuples(arabic_heavy)))
def test_blanks_around_a_mark_match_as_before(case: tuple[str, ...]) -> None:
    """At every position of dates in sentences and of token soup, the grammar matches what
    it matched with its blanks written the plain way (same span, same groups)."""
    _same_matches(_main_as_written_before(), fold(case[0]).text)


def test_blanks_around_a_mark_match_as_before_on_shapes() -> None:
    """The shapes the rewritten blanks stand in: a weekday, a comma and «الموافق» before a
    date, a time after one with a separator and a zone in brackets, a weekday in brackets
    after «أمس», a year in brackets after «عام»; with too many blanks, none."""
    reference = _main_as_written_before()
    for text in (
        "الخميس ،  5 مارس 2015",
        "الخميس      5 مارس",
        "الخميس       5 مارس",
        "الاحد الموافق 3 مايو",
        "5 مارس 2015 ،  الساعة 10:30  ( بتوقيت مكة )",
        "5 مارس 2015 -   10:30 GMT",
        "امس  ( السبت )",
        "امس     السبت 5",
        "عام   (  2015",
        "عام      2015",
    ):
        _same_matches(reference, fold(text).text)


def test_blanks_around_a_mark_match_as_before_in_the_corpus(corpus_dir: Path) -> None:
    reference = _main_as_written_before()
    for path in sorted((corpus_dir / "articles").glob("*.txt"))[::5]:
        _same_matches(reference, fold(path.read_text(encoding="utf-8", errors="replace")).text)
