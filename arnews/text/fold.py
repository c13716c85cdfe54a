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

import unicodedata
from array import array
from bisect import bisect_right
from typing import Final

import attrs
import regex

from arnews.model import Span
from arnews.text import chars

__all__ = ["FOLD_TABLE", "Folded", "fold", "match_key"]


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

_DROPPED: Final = chars.DIACRITICS + chars.BIDI_CONTROLS + chars.ZERO_WIDTH
# One pass finds everything that changes length:
#   drop   — runs of marks and invisibles, and tatweel after a letter or mark (مـساء);
#   compat — one presentation-form character, replaced by its NFKC form (ﻻ → لا).
_SPECIAL: Final = regex.compile(
    rf"(?P<drop>[{_DROPPED}]+|(?<=[\p{{L}}\p{{M}}]){chars.TATWEEL}+)"
    rf"|(?P<compat>[{chars.PRESENTATION_FORMS}])"
)
_DROP_ALL: Final = regex.compile(rf"[{_DROPPED}{chars.TATWEEL}]+")


@attrs.frozen(kw_only=True, eq=False)
class Folded:
    """A folded view of ``source`` and the map from its offsets back to ``source``.

    >>> f = fold("قالَ الوزيـر إنّ ١٥ ألفاً")
    >>> f.text
    'قال الوزير ان 15 الفا'
    >>> s = f.span(4, 10)
    >>> f.source[s.slice]
    'الوزيـر'
    """

    text: str
    source: str
    # For folded character j: the source range [_starts[j], _ends[j]) it came from.
    # ``None`` when folding kept every length (the map is the identity).
    _starts: array[int] | None = attrs.field(alias="starts", default=None, repr=False)
    _ends: array[int] | None = attrs.field(alias="ends", default=None, repr=False)

    def source_start(self, i: int) -> int:
        """The source offset where folded character ``i`` starts (``len(source)`` at the end)."""
        if self._starts is None:
            return i
        return self._starts[i] if i < len(self.text) else len(self.source)

    def source_end(self, i: int) -> int:
        """The source offset just after folded character ``i - 1`` (0 for ``i == 0``)."""
        if self._ends is None:
            return i
        return self._ends[i - 1] if i > 0 else 0

    def span(self, start: int, end: int) -> Span:
        """The source :class:`Span` of the folded range ``[start, end)``.

        A character removed by folding right after the range (a diacritic ending a word)
        belongs to it; one before the range does not.
        """
        if start >= end:
            at = self.source_start(start)
            return Span(start=at, end=at)
        return Span(start=self.source_start(start), end=self.source_end(end))

    def folded_index(self, source_index: int) -> int:
        """The first folded offset whose source character starts at or after ``source_index``."""
        if self._starts is None:
            return source_index
        return bisect_right(self._starts, source_index - 1)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching; see the module docstring for what changes.

    Args:
        text: any string.

    Returns:
        The folded view with its offset map.
    """
    if _SPECIAL.search(text) is None:
        return Folded(text=text.translate(FOLD_TABLE), source=text)
    parts: list[str] = []
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    pos = 0
    for m in _SPECIAL.finditer(text):
        a, b = m.span()
        if a > pos:
            parts.append(text[pos:a])
            starts.extend(range(pos, a))
            ends.extend(range(pos + 1, a + 1))
        if m.lastgroup == "compat":
            replacement = _DROP_ALL.sub("", unicodedata.normalize("NFKC", m.group()))
            parts.append(replacement)
            starts.extend([a] * len(replacement))
            ends.extend([b] * len(replacement))
        elif ends and ends[-1] == a:
            ends[-1] = b  # a dropped run belongs to the character before it
        pos = b
    if pos < len(text):
        parts.append(text[pos:])
        starts.extend(range(pos, len(text)))
        ends.extend(range(pos + 1, len(text) + 1))
    return Folded(text="".join(parts).translate(FOLD_TABLE), source=text, starts=starts, ends=ends)


_PUNCT: Final = regex.compile(r"[^\p{L}\p{N}\s]+")
_WS: Final = regex.compile(r"\s+")


def match_key(text: str) -> str:
    """A comparison key: folded, punctuation and quote marks removed, spaces collapsed.

    >>> match_key("  «اقرأ أيضاً»: ")
    'اقرا ايضا'
    """
    return _WS.sub(" ", _PUNCT.sub(" ", fold(text).text)).strip()
