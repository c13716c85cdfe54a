"""The folded matching view of a text, with an offset map back to the original.

Folding removes what defeats matching and keeps what a reader sees: ``Article.text`` keeps
the source's own characters, detectors match on :attr:`Folded.text`, and every match is
mapped back with :meth:`Folded.span` (conventions §7 and §9.2).

- deleted: diacritics (أكَّد → اكد), tatweel inside words (مـساء → مساء), bidi controls,
  zero-width characters and the soft hyphen;
- unified: أ إ آ ٱ → ا, ى ی → ي, ة → ه, ک → ك; a tatweel standing alone as a dash → ``-``;
- digits: ٠–٩ and ۰–۹ → 0–9, ٫ → ``.``, ٬ → ``,``; non-breaking and narrow spaces → space;
- presentation forms (ﻣﻨﺘﺨﺐ, ﻻ, ﷲ) → NFKC, which may change the length.

Folding is idempotent: ``fold(fold(s).text).text == fold(s).text``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_right
from typing import Final, cast

import attrs
import regex

from arnews.model import Span, make_span
from arnews.text import chars

__all__ = ["FOLD_TABLE", "Folded", "fold", "fold_text", "folded_match_key", "match_key"]


def _build_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for alef in "أإآٱ":  # hamza-carrying and wasla alefs: أعلنت / اعلنت
        table[ord(alef)] = "ا"
    for ya in "ىی":  # Egyptian final ى (فى، الأمريكى) and Farsi yeh
        table[ord(ya)] = "ي"
    table[ord("ة")] = "ه"  # الجمعة / الجمعه
    table[ord("ک")] = "ك"  # Persian keheh
    for digits in (chars.ARABIC_INDIC_DIGITS, chars.PERSIAN_DIGITS):
        for value, digit in enumerate(digits):
            table[ord(digit)] = str(value)
    table[ord(chars.ARABIC_DECIMAL_SEPARATOR)] = "."
    table[ord(chars.ARABIC_THOUSANDS_SEPARATOR)] = ","
    table[ord(chars.TATWEEL)] = "-"  # what is left of tatweel after deletion is a dash
    for cp in (0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000):
        table[cp] = " "
    return table


FOLD_TABLE: Final = _build_table()
"""The one-to-one part of folding, for :meth:`str.translate`."""

# The letters the table unifies are frequent (a «ة» every few words): one str.replace per
# letter is many times faster than translating every character. The rest of the table
# (digits, separators, spaces) is rare in a text: the scan in :func:`fold` notes whether
# there are any, and only then are their runs translated.
_REPLACED: Final = "أإآٱىیةک" + chars.TATWEEL
_REPLACE_PAIRS: Final = tuple((char, FOLD_TABLE[ord(char)]) for char in _REPLACED)
_RARE: Final = "".join(chr(cp) for cp in FOLD_TABLE if chr(cp) not in _REPLACED)
_RARE_RUNS: Final = re.compile("[" + re.escape(_RARE) + "]+")


def _translate_run(m: re.Match[str]) -> str:
    return m.group().translate(FOLD_TABLE)


def _apply_table(text: str, rare: bool) -> str:
    """The table over ``text``; ``rare``: it may hold one of the rare characters."""
    for char, unified in _REPLACE_PAIRS:
        text = text.replace(char, unified)
    return _RARE_RUNS.sub(_translate_run, text) if rare else text


_DROPPED: Final = chars.DIACRITICS + chars.BIDI_CONTROLS + chars.ZERO_WIDTH
# What changes length, as one definition (the reference the fast scan below follows):
#   drop   — runs of marks and invisibles, and tatweel after a letter or mark (مـساء);
#   compat — one presentation-form character, replaced by its NFKC form (ﻻ → لا).
_SPECIAL: Final = regex.compile(
    rf"(?P<drop>[{_DROPPED}]+|(?<=[\p{{L}}\p{{M}}]){chars.TATWEEL}+)"
    rf"|(?P<compat>[{chars.PRESENTATION_FORMS}])"
)
# The same scan, fast: the first character of a run (one class, which ``re`` scans several
# times faster than an alternation), then the run it opens. The look-behind of ``_SPECIAL``
# is checked in :func:`fold` on the one character before a tatweel run.
# The scan also stops at the rare characters of the table (they keep the length).
_SCAN: Final = re.compile(
    f"[{_DROPPED}{chars.TATWEEL}{re.escape(_RARE)}{chars.PRESENTATION_FORMS}]"
)
_DROP_RUN: Final = re.compile(f"[{_DROPPED}]+")
_TATWEEL_RUN: Final = re.compile(f"{chars.TATWEEL}+")
_LETTER_OR_MARK: Final = regex.compile(r"[\p{L}\p{M}]")  # tatweel itself is a letter (Lm)
_DROP_ALL: Final = regex.compile(rf"[{_DROPPED}{chars.TATWEEL}]+")


@functools.cache
def _is_letter_or_mark(char: str) -> bool:
    return _LETTER_OR_MARK.match(char) is not None


@functools.cache
def _nfkc_letters(char: str) -> str:
    return _DROP_ALL.sub("", unicodedata.normalize("NFKC", char))


class Folded:
    """A folded view of ``source`` and the map from its offsets back to ``source``.

    A frozen record (a plain class: a native class once compiled, its fields and its map
    read by the detectors without a lookup); setting a field raises
    :class:`attrs.exceptions.FrozenInstanceError`.

    >>> f = fold("قالَ الوزيـر إنّ ١٥ ألفاً")
    >>> f.text
    'قال الوزير ان 15 الفا'
    >>> s = f.span(4, 10)
    >>> f.source[s.slice]
    'الوزيـر'
    """

    __slots__ = ("_fstarts", "_sstarts", "_xends", "source", "text")

    # The map, as segments of the folded text (``None``: folding kept every length, the map
    # is the identity). Segment k starts at folded offset _fstarts[k] and source offset
    # _sstarts[k]. A copied segment maps one to one; a replaced one (a presentation form and
    # its NFKC letters) maps each of its characters to [_sstarts[k], _xends[k]); _xends[k] is
    # -1 for a copied segment. Characters dropped by folding belong to the one before them.
    def __init__(
        self,
        *,
        text: str,
        source: str,
        fstarts: list[int] | None = None,
        sstarts: list[int] | None = None,
        xends: list[int] | None = None,
    ) -> None:
        self.text: Final = text
        self.source: Final = source
        self._fstarts: Final = fstarts
        self._sstarts: Final[list[int]] = sstarts if sstarts is not None else []
        self._xends: Final[list[int]] = xends if xends is not None else []

    def __setattr__(self, name: str, value: object) -> None:
        # (compiled, __init__ sets the fields directly; pure Python, through here, once)
        if hasattr(self, name):
            raise attrs.exceptions.FrozenInstanceError
        object.__setattr__(self, name, value)

    def __repr__(self) -> str:
        return f"Folded(text={self.text!r}, source={self.source!r})"

    @property
    def identity(self) -> bool:
        """Folding kept every length: folded offsets are source offsets."""
        return self._fstarts is None

    def source_start(self, i: int) -> int:
        """The source offset where folded character ``i`` starts (``len(source)`` at the end)."""
        fstarts = self._fstarts
        if fstarts is None:
            return i
        if i >= len(self.text):
            return len(self.source)
        k = bisect_right(fstarts, i) - 1
        if self._xends[k] >= 0:
            return self._sstarts[k]
        return self._sstarts[k] + i - fstarts[k]

    def source_end(self, i: int) -> int:
        """The source offset just after folded character ``i - 1`` (0 for ``i == 0``)."""
        fstarts = self._fstarts
        if fstarts is None:
            return i
        if i <= 0:
            return 0
        k = bisect_right(fstarts, i - 1) - 1
        xend = self._xends[k]
        if xend >= 0:
            return xend
        # the last character of its segment: up to the next one
        if k + 1 < len(fstarts):
            if i == fstarts[k + 1]:
                return self._sstarts[k + 1]
        elif i == len(self.text):
            return len(self.source)
        return self._sstarts[k] + i - fstarts[k]

    def span(self, start: int, end: int) -> Span:
        """The source :class:`Span` of the folded range ``[start, end)``.

        A character removed by folding right after the range (a diacritic ending a word)
        belongs to it; one before the range does not.
        """
        fstarts = self._fstarts
        if fstarts is None:
            return make_span(start, end if end > start else start)
        if start >= end:
            at = self.source_start(start)
            return make_span(at, at)
        # source_start(start) and source_end(end), inlined (detectors map many spans)
        sstarts = self._sstarts
        xends = self._xends
        size = len(self.text)
        if start >= size:
            first = len(self.source)
        else:
            k = bisect_right(fstarts, start) - 1
            first = sstarts[k] if xends[k] >= 0 else sstarts[k] + start - fstarts[k]
        k = bisect_right(fstarts, end - 1) - 1  # (end > start >= 0)
        last = xends[k]
        if last < 0:
            if k + 1 < len(fstarts) and end == fstarts[k + 1]:
                last = sstarts[k + 1]
            elif k + 1 >= len(fstarts) and end == size:
                last = len(self.source)
            else:
                last = sstarts[k] + end - fstarts[k]
        return make_span(first, last)

    def folded_index(self, source_index: int) -> int:
        """The first folded offset whose source character starts at or after ``source_index``."""
        fstarts = self._fstarts
        if fstarts is None:
            return source_index
        k = bisect_right(self._sstarts, source_index - 1) - 1
        if k < 0:
            return 0
        start = fstarts[k]
        length = (fstarts[k + 1] if k + 1 < len(fstarts) else len(self.text)) - start
        if self._xends[k] >= 0:
            return start + length
        return start + min(length, source_index - self._sstarts[k])


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring for what changes.

    Args:
        text: any string.

    Returns:
        The folded view with its offset map.

    >>> fold("أكَّد").text
    'اكد'
    """
    if text.isascii():  # (a flag of the string) folding changes no ASCII character
        return Folded(text=text, source=text)
    parts: list[str] = []
    fstarts: list[int] = []
    sstarts: list[int] = []
    xends: list[int] = []
    pos = 0  # in the source
    length = 0  # of the folded text so far
    rare = False  # the text has rare characters of the table
    m = _SCAN.search(text)
    while m is not None:
        a = m.start()
        char = text[a]
        replacement = ""
        if char in _RARE:
            rare = True
            m = _SCAN.search(text, cast("re.Match[str]", _RARE_RUNS.match(text, a)).end())
            continue
        if char == chars.TATWEEL:
            b = cast("re.Match[str]", _TATWEEL_RUN.match(text, a)).end()
            if a == 0 or not _is_letter_or_mark(text[a - 1]):
                # a tatweel standing alone is a dash (kept; the table makes it «-»); the
                # ones after it follow a tatweel, a letter, and go
                a += 1
                if a == b:
                    m = _SCAN.search(text, b)
                    continue
        elif (run := _DROP_RUN.match(text, a)) is not None:
            b = run.end()
        else:  # a presentation form
            b = a + 1
            replacement = _nfkc_letters(char)
            rare = True  # (its letters get the whole table)
        if a > pos:
            parts.append(text[pos:a])
            fstarts.append(length)
            sstarts.append(pos)
            xends.append(-1)
            length += a - pos
        if replacement:
            parts.append(replacement)
            fstarts.append(length)
            sstarts.append(a)
            xends.append(b)
            length += len(replacement)
        elif xends and xends[-1] == a:
            xends[-1] = b  # dropped after a replaced character: it belongs to that one
        pos = b
        m = _SCAN.search(text, b)
    if not pos:
        return Folded(text=_apply_table(text, rare), source=text)
    if pos < len(text):
        parts.append(text[pos:])
        fstarts.append(length)
        sstarts.append(pos)
        xends.append(-1)
    return Folded(
        text=_apply_table("".join(parts), rare),
        source=text,
        fstarts=fstarts,
        sstarts=sstarts,
        xends=xends,
    )


_PUNCT: Final = regex.compile(r"[^\p{L}\p{N}\s]+")
_LETTERS_ONLY: Final = re.compile("[\u0621-\u063a\u0641-\u064aA-Za-z0-9 ]*")


def fold_text(text: str) -> str:
    """``fold(text).text`` without the offset map (for keys and lookups).

    >>> fold_text("أكَّد")
    'اكد'
    """
    if text.isascii():  # folding changes no ASCII character
        return text
    if _SCAN.search(text) is None:
        return _apply_table(text, rare=False)
    return fold(text).text


def match_key(text: str) -> str:
    """A comparison key: folded, punctuation and quote marks removed, spaces collapsed.

    >>> match_key("  «اقرأ أيضاً»: ")
    'اقرا ايضا'
    """
    return folded_match_key(fold_text(text))


def folded_match_key(folded: str) -> str:
    """:func:`match_key` of a text that is folded already (no second folding).

    Args:
        folded: ``fold(x).text`` or a slice of it.

    Returns:
        ``match_key(x)``: punctuation and quote marks removed, spaces collapsed.

    >>> folded_match_key(fold("«اقرأ أيضاً»").text)
    'اقرا ايضا'
    """
    # after the substitution only letters, digits and spaces are left, where str.split()
    # splits exactly at the spaces \s matches; Arabic letters, ASCII letters and digits and
    # spaces only (most keys) need no substitution
    if _LETTERS_ONLY.fullmatch(folded) is None:
        folded = _PUNCT.sub(" ", folded)
    return " ".join(folded.split())
