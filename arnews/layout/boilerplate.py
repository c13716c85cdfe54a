"""Page furniture in plain text: share widgets, «اقرأ أيضا» teasers, agency trailers.

Removed lines are not lost: layout reports them in ``Article.boilerplate``, in order.
The phrases are data (``arnews/data/boilerplate_*.txt``, ``teaser_markers.txt``).
"""

from __future__ import annotations

import functools
import itertools
from typing import Final

import regex

from arnews import data
from arnews.text import chars
from arnews.text.fold import FOLD_TABLE, match_key

__all__ = [
    "RULE_FIRST",
    "furniture_first_words",
    "furniture_key",
    "head_key",
    "is_boilerplate_line",
    "is_end_mark",
    "is_furniture_shape",
    "is_rule_or_hashtags",
    "is_teaser_marker",
    "is_teaser_title",
    "is_trailer_stamp",
    "split_lead",
]

# A rule of dashes, underscores, stars or dots: «----------------------».
_RULE: Final = regex.compile(r"^[-_=*~.•·ـ–—\s]{3,}$")
RULE_FIRST: Final = "-_=*~.•·ـ–—"  # and spaces: what a rule may start with
# A line of hashtags only: «#السعودية #الرياض».
_HASHTAGS: Final = regex.compile(r"^(?:#[\p{L}\p{N}_]+[\s،,]*)+$")
# The end-of-story mark of SPA wires: «// انتهى //».
_END_MARK: Final = regex.compile(r"^[/\s]*انتهى[/\s.]*$")
# The time stamp printed after «// انتهى //»: «18:18 ت م», «13:14 ت غ».
_FURNITURE_MAX_WORDS: Final = 25
_HEAD_CHARS: Final = 300
_STAMP: Final = regex.compile(r"^\d{1,2}:\d{2}(?:\s*(?:ت\s*[مغ]|[صم]|[AaPp][Mm]))?\s*$")


@functools.cache
def _keys(name: str) -> frozenset[str]:
    return frozenset(match_key(v) for v in data.words(name)) - {""}


@functools.cache
def _prefix_pattern(name: str) -> regex.Pattern[str]:
    """One pattern for a list of phrases: a key that is one of them or starts with one."""
    phrases = sorted(_keys(name), key=len, reverse=True)
    return regex.compile(r"^(?:" + "|".join(map(regex.escape, phrases)) + r")(?: |$)")


def is_end_mark(line: str) -> bool:
    """«// انتهى //»: the SPA end-of-story mark."""
    first = line[:1]  # «/», a space or the «ا» of «انتهى»: a quick test before the regex
    if first != "/" and first != "ا" and not first.isspace():
        return False
    return "انتهى" in line and _END_MARK.match(line) is not None


def is_trailer_stamp(line: str) -> bool:
    """A bare time stamp such as «18:18 ت م» (printed after «// انتهى //»)."""
    return _STAMP.match(line) is not None


def is_teaser_marker(line: str, key: str | None = None) -> bool:
    """A line that opens a list of links to other stories («اقرأ أيضا|», «قد يهمك|»).

    ``key`` is ``head_key(line)`` when the caller has it already.
    """
    key = head_key(line) if key is None else key
    return _prefix_pattern("teaser_markers").match(key) is not None


def head_key(line: str) -> str:
    """The comparison key of the start of a line: all that the checks here look at.

    Furniture is short, and a phrase glued to a paragraph stands at its start, so a long
    paragraph is not folded whole for these checks.
    """
    return match_key(line[:_HEAD_CHARS])


# The first word of a line: «اقرأ» in «// اقرأ أيضا:», «شارك» in «شاركها.»
_FIRST_WORD: Final = regex.compile(r"^[^\p{L}]{0,12}(\p{L}+)")


@functools.cache
def _first_words() -> frozenset[str]:
    names = ("boilerplate_lines", "boilerplate_prefixes", "teaser_markers", "boilerplate_leads")
    return frozenset(key.split()[0] for name in names for key in _keys(name))


@functools.cache
def furniture_first_words() -> frozenset[str]:
    """Every spelling whose letters fold to one of :func:`_first_words` («اقرأ», «إقرا» ...).

    A word is looked up as written, not folded first (a few hundred spellings).
    """
    folded_from: dict[str, set[str]] = {}
    for char in {*FOLD_TABLE.values(), *"".join(_first_words())}:
        folded_from[char] = {char} if ord(char) not in FOLD_TABLE else set()
    for code, out in FOLD_TABLE.items():
        folded_from[out].add(chr(code))
    return frozenset(
        "".join(spelling)
        for word in _first_words()
        for spelling in itertools.product(*(folded_from[char] for char in word))
    )


def furniture_key(line: str) -> str | None:
    """:func:`head_key` of a line that may hold a furniture phrase, else ``None``.

    Every phrase in the lists starts with one of a few words; a line that starts with
    another word («وقال الوزير …») is not folded at all. Shapes without phrases (rules,
    hashtags, «// انتهى //») are checked by :func:`is_furniture_shape`.
    """
    end = line.find(" ")
    word: str | None = line if end < 0 else line[:end]
    if not word or not word.isalpha():  # (a line opening with a word of letters: most)
        m = _FIRST_WORD.match(line)
        word = None if m is None else m.group(1)
    # the word has letters only (no marks): unifying letters is all its key needs
    if word is not None and word.replace(chars.TATWEEL, "") not in furniture_first_words():
        return None
    return head_key(line)


def is_furniture_shape(line: str) -> bool:
    """A rule, a line of hashtags, or the «// انتهى //» end mark."""
    return is_rule_or_hashtags(line) or is_end_mark(line)


def is_rule_or_hashtags(line: str) -> bool:
    """A rule («-----») or a line of hashtags only («#السعودية #الرياض»)."""
    first = line[:1]
    if first == "#":
        return _HASHTAGS.match(line) is not None
    return (first in RULE_FIRST or first.isspace()) and _RULE.match(line) is not None


def is_boilerplate_line(line: str, key: str | None = None) -> bool:
    """A line that is page furniture on its own (share widgets, rules, hashtags, app ads).

    ``key`` is ``head_key(line)`` when the caller has it already.
    """
    if len(line) > _HEAD_CHARS:
        return False  # furniture is short
    if is_furniture_shape(line):
        return True
    key = match_key(line) if key is None else key
    if not key or key in _keys("boilerplate_lines"):
        return True
    # a prefix marks furniture only on a short line: «سمات …» (tags), not a paragraph
    return (
        key.count(" ") < _FURNITURE_MAX_WORDS
        and _prefix_pattern("boilerplate_prefixes").match(key) is not None
    )


def is_teaser_title(line: str) -> bool:
    """A line that reads as the title of a linked story (short, no closing full stop)."""
    return line.count(" ") < _FURNITURE_MAX_WORDS and not line.rstrip().endswith(".")


_LEAD_WORDS: Final = regex.compile(r"\S+")  # words as written


def split_lead(line: str, key: str | None = None) -> tuple[str, str] | None:
    """Split share-widget words glued to the start of a paragraph.

    >>> split_lead("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك اعتمد الوزير الآلية")
    ('شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك', 'اعتمد الوزير الآلية')
    """
    key = head_key(line) if key is None else key
    m = _prefix_pattern("boilerplate_leads").match(key)
    if m is None or m.end() >= len(key):
        return None
    words = len(m.group().split())
    # the lead's words in the line as written (punctuation may differ from the key)
    ends = [w.end() for _, w in zip(range(words + 1), _LEAD_WORDS.finditer(line), strict=False)]
    if len(ends) <= words:
        return None
    cut = ends[words - 1]
    return line[:cut].rstrip(), line[cut:].lstrip()
