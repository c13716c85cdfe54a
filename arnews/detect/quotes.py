"""Quotes: direct speech in quote marks, reported speech after a speech verb, and who says it.

Works on the folded view (:class:`~arnews.text.fold.Folded`) block by block, in a few
compiled passes (conventions §1, GOLD.md):

1. **quote marks** are paired with a small stack that accepts every style and mixed or
   reversed pairs («…», “…”, ”…“, "…", „…“, »…«, «…"); a mark left open runs to the end of
   its paragraph (notice ``quote.unbalanced``) unless the next paragraph reopens with a mark,
   which continues the quote;
2. **speech cues** — speech verbs in every person, gender and number with و/ف/كما
   («وأشاروا», «تقول», «أكدت»), circumstantial participles («مؤكداً», «مشيرة»), relays
   («عن X قوله»), passive speech («قيل إن», «تم التأكيد على») — are matched by one regex
   each; the speaker phrase is read after the verb (VSO) or before it (SVO «المصادر
   أشارت»), then a complement must follow: أن/إن/بأن، إلى أن، على، عن، a colon or a quote
   mark. Without one the verb carries no content and is not a quote;
3. quote pairs not introduced by a verb are checked for a speaker after them («"..."، قال
   فلان»), a colon before them, or a running quote from the paragraph before.

The output is :class:`RawQuote` records with folded offsets; :func:`arnews.detect.sources.link`
turns them into :class:`~arnews.model.Quote` objects with resolved speakers.

>>> from arnews.text.fold import fold
>>> f = fold("وقال الوزير إن الاجتماع كان مثمراً.")
>>> [(f.text[q.start:q.end], q.kind, q.speaker.text) for q in detect_quotes(f)]
[('الاجتماع كان مثمرا', 'indirect', 'الوزير')]
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import regex

from arnews import data
from arnews.detect.sources import (
    _ARABIC_FIRST,
    _ARABIC_LAST,
    NP,
    TOKEN,
    Gender,
    Number,
    institution_head,
    lexicon,
    name_words,
    noun_features,
    quantifier_head,
    read_np,
    tokens,
    white_space,
)
from arnews.model import Notice, QuoteKind, Span
from arnews.text.fold import Folded, fold

__all__ = [
    "RawQuote",
    "VerbForm",
    "clause_subject",
    "cue_patterns",
    "detect",
    "detect_mentions",
    "detect_quotes",
    "folded_blocks",
    "occurrences",
    "pair_marks",
]

NoticeSink = Callable[[Notice], None]


class VerbForm:
    """What a speech-verb form says about its subject (a plain class, not frozen: a native
    class once compiled, its fields read without a lookup; never changed after it is made).

    ``verb`` is the canonical verb (folded), the key into ``quotes_verb_complements.txt``.
    """

    __slots__ = ("gender", "number", "participle", "present", "verb")

    def __init__(
        self, *, verb: str, gender: Gender, number: Number, present: bool, participle: bool = False
    ) -> None:
        self.verb: str = verb
        self.gender: Gender = gender
        self.number: Number = number
        self.present: bool = present
        self.participle: bool = participle


class RawQuote:
    """A quote found in the folded text, before speakers are linked to sources.

    Offsets are folded offsets. ``speaker`` is the explicit phrase where the quote is made;
    when it is ``None`` and ``passive`` is false, the speaker is a pronoun to resolve with
    ``gender``/``number`` (from the verb), ``honorific`` («سموه») or ``follows`` (the index of
    an earlier quote whose speaker a participle takes). ``other_party``: after «من جهته» /
    «بدوره», the pronoun prefers someone other than the last speaker. ``continues``: a
    continuation verb («وأضاف», «وتابع») with no subject, the pronoun prefers the speaker of
    the last quote.

    A plain class (a native class once compiled: made and read without Python-level code);
    treated as immutable: a changed quote is a :meth:`copy` changed before it is shared.
    """

    __slots__ = (
        "continues",
        "cue",
        "end",
        "follows",
        "gender",
        "honorific",
        "kind",
        "number",
        "other_party",
        "passive",
        "speaker",
        "start",
    )

    def __init__(
        self,
        *,
        kind: QuoteKind,
        start: int,
        end: int,
        cue: tuple[int, int] | None = None,
        speaker: NP | None = None,
        gender: Gender | None = None,
        number: Number | None = None,
        passive: bool = False,
        honorific: str | None = None,
        follows: int | None = None,
        other_party: bool = False,
        continues: bool = False,
    ) -> None:
        self.kind: QuoteKind = kind
        self.start: int = start
        self.end: int = end
        self.cue: tuple[int, int] | None = cue
        self.speaker: NP | None = speaker
        self.gender: Gender | None = gender
        self.number: Number | None = number
        self.passive: bool = passive
        self.honorific: str | None = honorific
        self.follows: int | None = follows
        self.other_party: bool = other_party
        self.continues: bool = continues

    def copy(self) -> RawQuote:
        """A copy to change before it is shared (instead of ``attrs.evolve``)."""
        return RawQuote(
            kind=self.kind,
            start=self.start,
            end=self.end,
            cue=self.cue,
            speaker=self.speaker,
            gender=self.gender,
            number=self.number,
            passive=self.passive,
            honorific=self.honorific,
            follows=self.follows,
            other_party=self.other_party,
            continues=self.continues,
        )

    def _fields(self) -> tuple[object, ...]:
        return (
            self.kind,
            self.start,
            self.end,
            self.cue,
            self.speaker,
            self.gender,
            self.number,
            self.passive,
            self.honorific,
            self.follows,
            self.other_party,
            self.continues,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawQuote):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"RawQuote(kind={self.kind!r}, start={self.start}, end={self.end}, cue={self.cue!r}, "
            f"speaker={self.speaker!r}, gender={self.gender!r}, number={self.number!r}, "
            f"passive={self.passive}, honorific={self.honorific!r}, follows={self.follows!r}, "
            f"other_party={self.other_party}, continues={self.continues})"
        )


def _bisect_left(a: list[int], x: int) -> int:
    """:func:`bisect.bisect_left` on a list of ints (compiled, a loop of native compares is
    cheaper than the call of the C function with its argument parsing)."""
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _bisect_right(a: list[int], x: int) -> int:
    """:func:`bisect.bisect_right` on a list of ints (see :func:`_bisect_left`)."""
    lo = 0
    hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


# --- word lists turned into patterns ----------------------------------------------------------

_FORM_FEATURES: Final[tuple[tuple[Gender, Number], ...]] = (
    ("m", "sg"),
    ("f", "sg"),
    ("m", "du"),
    ("f", "du"),
    ("m", "pl"),
    ("f", "pl"),
)


def _alternation(words: Sequence[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# A run of letters and marks («وقال» of «"وقال:»): a word as the cue scan reads it
# (:func:`_scan_text`); here, the first word of a title or formula, its key in the tables.
_LETTERS: Final = regex.compile(r"[\p{L}\p{M}]+")


class _Patterns:
    """The cue patterns and tables (a plain class: a native class once compiled; built once
    by :func:`cue_patterns`, never changed)."""

    __slots__ = (
        "background",
        "background_heads",
        "complements",
        "continuity",
        "continuity_phrases",
        "forms",
        "passive",
        "sieve",
        "title_heads",
        "triggers",
    )

    def __init__(
        self,
        *,
        passive: tuple[str, ...],
        background: regex.Pattern[str],
        continuity: regex.Pattern[str],
        continuity_phrases: tuple[str, ...],
        forms: dict[str, VerbForm],
        complements: dict[str, frozenset[str]],
        triggers: dict[str, tuple[tuple[str, int], ...]],
        sieve: str,
        background_heads: dict[str, tuple[str, ...]],
        title_heads: dict[str, tuple[str, ...]],
    ) -> None:
        self.passive: tuple[str, ...] = passive  # the phrases, the longest first
        self.background: regex.Pattern[str] = background
        self.continuity: regex.Pattern[str] = continuity
        self.continuity_phrases: tuple[str, ...] = continuity_phrases
        self.forms: dict[str, VerbForm] = forms
        self.complements: dict[str, frozenset[str]] = complements
        # whole folded word → the cues it may start: ``(what, prefix length)``
        self.triggers: dict[str, tuple[tuple[str, int], ...]] = triggers
        # the slots of the trigger words (:func:`_sieve`)
        self.sieve: str = sieve
        # first run of letters → the background formulas that open with it (a formula can
        # match only where the text starts with one of them: a cheap test before the regex)
        self.background_heads: dict[str, tuple[str, ...]] = background_heads
        # first run of letters → the titles that open with it, the longest first («صاحب
        # السمو الملكي» before «صاحب السمو»): the title at a place is the first that is there
        # as whole words
        self.title_heads: dict[str, tuple[str, ...]] = title_heads


@functools.cache
def cue_patterns() -> _Patterns:
    """The cue regexes and the verb-form table, built once from ``arnews/data``.

    Returns:
        The compiled patterns (internal).

    >>> cue_patterns().forms["اشاروا"].number
    'pl'
    """
    forms: dict[str, VerbForm] = {}
    for entry in data.entries("quotes_verbs"):
        verb = fold(entry[0]).text
        for index, form in enumerate(entry):
            gender, number = _FORM_FEATURES[index % 6]
            key = fold(form).text
            # the first reading wins: «اعلن» is m.sg, not f.pl; «دعوا» is m.du and m.pl
            forms.setdefault(
                key, VerbForm(verb=verb, gender=gender, number=number, present=index >= 6)
            )
    participles: dict[str, VerbForm] = {}
    part_features: tuple[tuple[Gender, Number], ...] = (
        ("m", "sg"),
        ("f", "sg"),
        ("m", "du"),
        ("m", "pl"),
        ("f", "pl"),
    )
    for entry in data.entries("quotes_participles"):
        verb = fold(entry[0]).text
        for (gender, number), form in zip(part_features, entry[1:], strict=False):
            key = fold(form).text
            feat = VerbForm(verb=verb, gender=gender, number=number, present=True, participle=True)
            participles.setdefault(key, feat)
            if number == "sg" and gender == "m":
                participles.setdefault(key + "ا", feat)  # tanween: مؤكداً → مؤكدا
    complements = {
        fold(entry[0]).text: frozenset(fold(v).text for v in entry[1:])
        for entry in data.entries("quotes_verb_complements")
    }
    all_forms = {**forms, **participles}
    nominal = [fold(v).text for e in data.entries("quotes_nominal_cues") for v in e]
    passive = [fold(v).text for e in data.entries("quotes_passive") for v in e]
    background = [fold(v).text for e in data.entries("quotes_background") for v in e]
    continuity = [fold(v).text for e in data.entries("quotes_continuity") for v in e]
    m_sg_participles = [
        k
        for k, v in participles.items()
        if not (v.gender == "m" and v.number == "sg" and not k.endswith("ا"))
    ]
    # One table of whole words, looked up once per word of the text (a dict lookup is much
    # cheaper than a regex alternation of ~900 forms tried at every position): a word may
    # be a verb form with its و/ف («وأشاروا»), a participle («ومؤكدا»), a relay noun
    # («قوله»), or the first word of a passive («كما تم التأكيد») or background formula.
    triggers: dict[str, list[tuple[str, int]]] = {}

    def trigger(word: str, what: str, pre: int) -> None:
        hits = triggers.setdefault(word, [])
        if all(h[0] != what for h in hits):
            hits.append((what, pre))

    for form in forms:
        trigger(form, "verb", 0)
    for form in forms:
        for p in "وف":
            triggers.setdefault(p + form, [])
            triggers[p + form] = [h for h in triggers[p + form] if h[0] != "verb"]
            trigger(p + form, "verb", 1)
    for form in m_sg_participles:
        trigger(form, "part", 0)
        trigger("و" + form, "part", 1)
    for word in nominal:
        trigger(word, "nominal", 0)
    for phrase in passive:
        first = phrase.split()[0]
        for p in ("", "و", "ف"):
            trigger(p + first, "passive", 0)
            trigger(p + "كما", "passive", 0)
    for phrase in background:
        trigger(phrase.split()[0], "background", 0)
    for title in lexicon().titles:
        head = _LETTERS.match(title)
        if head is not None:
            trigger(head.group(), "title", 0)
    order = {"verb": 0, "part": 1, "nominal": 2, "passive": 3, "background": 4, "title": 5}
    return _Patterns(
        # Passive speech with content: «قيل إن», «كما تم التأكيد على» (:func:`_passive_at`).
        passive=tuple(sorted(set(passive), key=_longest_first)),
        # Writer's background formulas: «يذكر أن», «وتجدر الإشارة إلى أن».
        background=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{_alternation(background)})(?![\p{{L}}\p{{M}}])"
        ),
        # Continuity markers «من جهته،», «بدوره،» right before a speech verb.
        continuity=regex.compile(rf"(?:{_alternation(continuity)})\s*[،,]?\s*$"),
        continuity_phrases=tuple(sorted(set(continuity))),
        forms=all_forms,
        complements=complements,
        triggers={k: tuple(sorted(v, key=lambda h: order[h[0]])) for k, v in triggers.items() if v},
        sieve=_sieve(k for k, v in triggers.items() if v),
        background_heads=_heads(background),
        title_heads={
            head: tuple(sorted(set(group), key=_longest_first))
            for head, group in _heads(sorted(lexicon().titles)).items()
        },
    )


def _longest_first(phrase: str) -> tuple[int, str]:
    return -len(phrase), phrase


def _heads(phrases: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The phrases grouped by their first run of letters."""
    heads: dict[str, list[str]] = {}
    for phrase in phrases:
        head = _LETTERS.match(phrase)
        if head is not None:
            heads.setdefault(head.group(), []).append(phrase)
    return {k: tuple(v) for k, v in heads.items()}


class _Cue:
    """A cue found by :func:`_scan_cues`: ``verb`` is the form without its prefix ``pre``
    (a plain class: a native class once compiled, its fields read without a lookup)."""

    __slots__ = ("end", "pre", "start", "verb", "what")

    def __init__(self, what: str, start: int, end: int, verb: str, pre: str) -> None:
        self.what: str = what  # verb | part | nominal | passive | background | title
        self.start: int = start
        self.end: int = end
        self.verb: str = verb
        self.pre: str = pre


def _passive_at(text: str, at: int, phrases: tuple[str, ...]) -> tuple[int, int]:
    """Where the passive phrase of a cue at ``at`` starts and ends, ``(-1, -1)`` for none:
    after «و» or «ف» and «كما» with white space, each if it is there: «وكما تم التأكيد على»,
    as ``[وف]?(?:كما\\s+)?(?P<verb>phrases)(?![\\p{L}\\p{M}])`` would match it."""
    size = len(text)
    heads = [at + 1, at] if at < size and (text[at] == "و" or text[at] == "ف") else [at]
    for head in heads:
        if _starts(text, "كما", head, size):
            after = _skip_space(text, head + 3, size)
            if after > head + 3:
                stop = _phrase_end(text, after, phrases)
                if stop >= 0:
                    return after, stop
        stop = _phrase_end(text, head, phrases)
        if stop >= 0:
            return head, stop
    return -1, -1


def _ends_with_any(text: str, lo: int, at: int, phrases: tuple[str, ...]) -> bool:
    """Whether one of ``phrases`` ends ``text[lo:at]`` but for white space and a comma after
    it («من جهته، قال»): what :attr:`_Patterns.continuity` needs, tested before it."""
    k = at
    while k > lo and _regex_space(text, k - 1):
        k -= 1
    if k > lo and (text[k - 1] == "،" or text[k - 1] == ","):
        k -= 1
        while k > lo and _regex_space(text, k - 1):
            k -= 1
    return text.endswith(phrases, lo, k)


def _phrase_end(text: str, at: int, phrases: tuple[str, ...]) -> int:
    """Where the first of ``phrases`` written at ``at`` as whole words ends (-1: none)."""
    for phrase in phrases:
        stop = at + len(phrase)
        if _starts(text, phrase, at, len(text)) and (
            stop >= len(text) or not _letter_or_mark(text, stop)
        ):
            return stop
    return -1


def _scan_cues(text: str, pats: _Patterns, scan: _Scan) -> list[_Cue]:
    """Every speech cue of the text, in text order, from its trigger words (``scan``:
    :func:`_scan_text`)."""
    table = pats.triggers
    found = scan.words
    starts = scan.starts
    out: list[_Cue] = []
    last_end: dict[str, int] = {}
    for i in range(len(found)):
        w = found[i]
        s = starts[i]
        e = s + len(w)
        for what, pre in table[w]:
            if s < last_end.get(what, -1):
                continue  # like finditer: no overlap within one kind of cue
            if what == "title":
                stop = _phrase_end(text, s, pats.title_heads.get(w, ()))
                if stop < 0:
                    continue
                cue = _Cue(what, s, stop, text[s:stop], "")
            elif what == "passive":
                verb_start, stop = _passive_at(text, s, pats.passive)
                if stop < 0:
                    continue
                cue = _Cue(what, s, stop, text[verb_start:stop], "")
            elif what == "background":
                if not text.startswith(pats.background_heads.get(w, ()), s):
                    continue  # no formula opens here (most «من» are no «من المقرر»)
                pm = pats.background.match(text, s)
                if pm is None:
                    continue
                cue = _Cue(what, s, pm.end(), pm.group(), "")
            else:
                cue = _Cue(what, s, e, w[pre:], w[:pre])
            out.append(cue)
            last_end[what] = cue.end
    return out


# The sieve of the trigger words: a hash of each (:func:`_word_hash`) marks its slot, so that a
# word of the text is cut out of it and looked up in the table only when its slot is marked
# (about one word in ten: a cut and a dict lookup cost more than the hash of every letter).
_SIEVE_BITS: Final = 16
_SIEVE_MASK: Final = (1 << _SIEVE_BITS) - 1


def _word_hash(word: str) -> int:
    """The sieve slot of ``word`` (the hash :func:`_scan_text` computes letter by letter)."""
    h = 0
    for k in range(len(word)):
        h = (h * 31 + ord(word[k])) & _SIEVE_MASK
    return h


def _sieve(words: Iterable[str]) -> str:
    """The sieve of ``words``: one character a slot, U+0001 where one of them falls."""
    slots = bytearray(_SIEVE_MASK + 1)
    for w in words:
        slots[_word_hash(w)] = 1
    return slots.decode("latin-1")


class _Scan:
    """What :func:`_scan_text` finds in one pass over the text, each in text order: the
    trigger words and their starts, and the places of the quote marks (:data:`_MARK_CHARS`),
    the commas and the sentence-end characters (:data:`_END_CHARS`). A plain class (a native
    class once compiled)."""

    __slots__ = ("commas", "ends", "marks", "starts", "words")

    def __init__(self) -> None:
        self.words: list[str] = []
        self.starts: list[int] = []
        self.marks: list[int] = []
        self.commas: list[int] = []
        self.ends: list[int] = []


def _scan_text(text: str, table: dict[str, tuple[tuple[str, int], ...]], sieve: str) -> _Scan:
    """One pass of code points over ``text``: the runs of letters and marks
    (``[\\p{L}\\p{M}]+``: «وقال:», «"وأضاف», «(كونا)» give «وقال», «وأضاف», «كونا») that
    are in ``table``, and the few characters the grammar cares about. No word is cut out of
    the text but those whose slot in ``sieve`` is marked."""
    scan = _Scan()
    words = scan.words
    starts = scan.starts
    start = -1
    h = 0
    for k in range(len(text)):
        c = ord(text[k])
        if (
            _ARABIC_FIRST <= c <= _ARABIC_LAST
            or 0x61 <= c <= 0x7A
            or 0x41 <= c <= 0x5A
            or (c >= 0x80 and _letter_or_mark(text, k))
        ):
            if start < 0:
                start = k
                h = 0
            h = (h * 31 + c) & _SIEVE_MASK
            continue
        if start >= 0:
            if ord(sieve[h]):
                word = text[start:k]
                if word in table:
                    words.append(word)
                    starts.append(start)
            start = -1
        if c == 0x20:
            continue  # (most characters that are no letter)
        if c == 0x60C or c == 0x2C:  # ، ,
            scan.commas.append(k)
        elif (
            c == 0xAB  # «
            or c == 0xBB  # »
            or c == 0x22  # "
            or 0x2018 <= c <= 0x2019  # ‘ ’
            or 0x201C <= c <= 0x201F  # “ ” „ ‟
        ):
            scan.marks.append(k)
        elif (
            c == 0x0A  # \n
            or c == 0x2E  # .
            or c == 0x21  # !
            or c == 0x3F  # ?
            or c == 0x61F  # ؟
            or c == 0x2026  # …
            or c == 0x61B  # ؛
        ):
            scan.ends.append(k)
    if start >= 0 and ord(sieve[h]):
        word = text[start:]
        if word in table:
            words.append(word)
            starts.append(start)
    return scan


# --- quote marks ------------------------------------------------------------------------------

# Any quote mark (conventions §1.1); the ASCII apostrophe is left out (transliteration).
_MARK: Final = regex.compile(r"[«»“”„‟\"‘’]")
# The closer(s) each opener accepts, beside the context rule for mixed pairs.
_PARTNER: Final = {
    "«": "»«",
    "»": "«»",
    "“": "”“",
    "”": "“”",
    "„": "“”",
    "‟": "”",
    '"': '"”“',
    "‘": "’‘",
    "’": "‘’",
}
# Words of quoted content, for the length rules.
_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")
_MAX_DEPTH: Final = 3


_MARK_CHARS: Final = '«»“”„‟"‘’'


def _positions(text: str, chars: str, start: int, end: int) -> list[int]:
    """Where any of ``chars`` occurs in ``text[start:end]``, in order.

    ``str.find`` per character: a regex character class is tried at every position of the
    text (tens of microseconds a paragraph), while these characters are few.
    """
    found: list[int] = []
    for ch in chars:
        at = text.find(ch, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1, end)
    found.sort()
    return found


class MarkPair:
    """A top-level pair of quote marks in a block: ``open`` and ``close`` are mark offsets;
    ``close`` is ``None`` when the mark stays open to the end of the block; ``words`` counts
    the words inside (the detector counts only up to the largest number its rules use).
    A plain class (a native class once compiled), never changed after it is made."""

    __slots__ = ("close", "open", "words")

    def __init__(self, *, open: int, close: int | None, words: int) -> None:
        self.open: int = open
        self.close: int | None = close
        self.words: int = words

    def __repr__(self) -> str:
        return f"MarkPair(open={self.open}, close={self.close}, words={self.words})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MarkPair):
            return NotImplemented
        return (self.open, self.close, self.words) == (other.open, other.close, other.words)

    def __hash__(self) -> int:
        return hash((self.open, self.close, self.words))


# The largest word count of a quote the rules compare with (``words >= 6``): the pairs read
# by the detector count up to it (a long quote is not scanned to its end).
_WORDS_CAP: Final = 6


def _count_words(text: str, start: int, end: int, cap: int | None) -> int:
    """The words of ``text[start:end]``, counted up to ``cap`` (all when ``None``)."""
    if cap is None:
        return len(_WORD.findall(text, start, end))
    # the pieces between spaces of a short stretch (``str.split``, cheaper than a regex
    # scan): a piece of letters and digits is one word, another holds its runs of them
    stop = min(end, start + 12 * cap)
    seg = text[start:stop]
    pieces = seg.split()
    if stop < end and pieces and not seg[-1].isspace():
        pieces.pop()  # the stretch may cut its last piece
    n = 0
    for piece in pieces:
        n += 1 if piece.isalnum() else _word_runs(piece, 0, len(piece), cap)
        if n >= cap:
            return cap
    if stop == end:
        return n
    return _word_runs(text, start, end, cap)


def _word_runs(text: str, start: int, end: int, cap: int) -> int:
    """The words (:data:`_WORD`: runs of letters and digits) of ``text[start:end]``, counted
    up to ``cap``, by code points."""
    n = 0
    inside = False
    for k in range(start, end):
        if _letter_or_digit(text, k):
            if not inside:
                n += 1
                if n >= cap:
                    return cap
                inside = True
        else:
            inside = False
    return n


def _letter_or_digit(text: str, at: int) -> bool:
    """Whether ``text[at]`` is ``[\\p{L}\\p{N}]`` to the ``regex`` module."""
    c = ord(text[at])
    if _ARABIC_FIRST <= c <= _ARABIC_LAST:
        return True
    if c < 0x80:
        return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A or 0x30 <= c <= 0x39
    if c == 0x60C or c == 0x61B or c == 0x61F or c == 0xAB or c == 0xBB or 0x2010 <= c <= 0x205E:
        return False  # «،», «؛», «؟», «», the dashes, quote marks and «…» of U+2010-U+205E
    ch = text[at]
    if ch.isalpha():
        return True
    category = unicodedata.category(ch)
    return category[0] == "N" or (category == "Cn" and _NEW_WORD_CHAR.match(ch) is not None)


def pair_marks(
    text: str, start: int, end: int, marks: Sequence[int] | None = None
) -> list[MarkPair]:
    """Pair the quote marks of ``text[start:end]`` (one block) and return the top-level pairs.

    Args:
        text: the folded text.
        start: where the block starts.
        end: where the block ends.
        marks: where the quote marks of the block are, when already known.

    Returns:
        Top-level pairs in order; nested pairs (names in a quote) are not returned.

    >>> t = 'قال "نحن «هنا» الآن" و»هو«'
    >>> [(p.open, p.close) for p in pair_marks(t, 0, len(t))]
    [(4, 19), (22, 25)]
    """
    return _pair_marks(text, start, end, None if marks is None else list(marks), None)


def _pair_marks(
    text: str, start: int, end: int, marks: list[int] | None, cap: int | None
) -> list[MarkPair]:
    """:func:`pair_marks`, with the words of each pair counted up to ``cap``."""
    pairs: list[MarkPair] = []
    stack: list[tuple[str, int]] = []
    for at in _positions(text, _MARK_CHARS, start, end) if marks is None else marks:
        ch = text[at]
        if not stack:
            stack.append((ch, at))
            continue
        top, top_at = stack[-1]
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        # a letter or digit (``str.isalnum``, cheaper than a regex call per mark)
        before_word = before.isalnum()
        after_word = after.isalnum()
        closing_context = (before_word or before in ".!?؟…،,") and not after_word
        opening_context = after_word and not before_word
        if ch in _PARTNER.get(top, ""):
            closes = ch != top or not opening_context or top == '"'
        else:
            closes = closing_context or (not opening_context and len(stack) >= 1)
        if len(stack) >= _MAX_DEPTH:
            closes = True
        if closes:
            stack.pop()
            if not stack:
                words = _count_words(text, top_at + 1, at, cap)
                pairs.append(MarkPair(open=top_at, close=at, words=words))
        else:
            stack.append((ch, at))
    if stack:
        _, top_at = stack[0]
        pairs.append(
            MarkPair(open=top_at, close=None, words=_count_words(text, top_at + 1, end, cap))
        )
    return pairs


# --- grammar around a cue ---------------------------------------------------------------------

# White space below is the ``regex`` module's ``\s`` (:func:`_regex_space`; Python's
# ``str.isspace`` and the stdlib ``re`` also count the control characters U+001C-U+001F).
# The complement that makes a speech verb carry content (conventions §1.5): a colon, a clause
# after أن/إن/بأن (also إلى أن, على أن, من أن), a preposition with a noun, or a quote mark.
# «وقال إن "..."», «أكد على أن», «أعرب عن تقديره», «حذر من», «طالب بالإفراج».
# :func:`_complement_at` reads it with a few string tests, as the ``regex`` pattern
#   \s*(?:[،,]\s*)?(?:(?P<colon>:)
#     |(?P<clause>(?:(?:الي|علي|من)\s+)?(?:ب\s?)?ان(?P<suffix>ه|ها|هم|هما|ني|نا|كم)?)
#       (?![\p{L}\p{M}])
#     |(?P<prep>علي|عن|الي|من)(?=\s)|(?P<bprep>ب)(?=\p{L})|(?P<quote>[«»“”„"]))
# would match it (a ``regex`` call costs more than the whole reading; the tests hold the two
# to the same answers).
# What may stand between the speaker (or verb) and the complement: a comma or dash aside, a
# time word, a recipient: «، في تصريح لرويترز،», «- خلال لقائه -», «أمس», «لـ"عكاظ"».
# :func:`_aside_end` reads a word of it as ``\s*(?:[،,()\-–—]|[^\s،,.:؟!?«»“”"]+)`` would.
# The prepositions a complement may open with (as :data:`_PREP_NAMES` spells them folded).
_COMPLEMENT_PREPS: Final = ("علي", "عن", "الي", "من")
# The pronoun suffixes of «أن»: «أنه», «أنها» ... (tried in this order).
_AN_SUFFIXES: Final = ("ه", "ها", "هم", "هما", "ني", "نا", "كم")
# The quote marks a complement may be (a quote opening right after the verb).
_COMPLEMENT_MARKS: Final = '«»“”„"'
# A letter or a mark as the ``regex`` module knows them (asked only about a character that
# Python's own Unicode tables leave unassigned: a newer Unicode may have made it a letter).
_NEW_LETTER_OR_MARK: Final = regex.compile(r"[\p{L}\p{M}]")
_NEW_LETTER: Final = regex.compile(r"\p{L}")
_NEW_WORD_CHAR: Final = regex.compile(r"[\p{L}\p{N}]")
# The quote marks a skipped aside word may not hold (:data:`QUOTE_MARK`).
_ASIDE_MARKS: Final = frozenset('«»“”„‟"‘’‹›')
_ASIDE_MAX: Final = 12
# Sentence ends (outside quote marks): «.», «؟», «!», «…», «؛».
_SENTENCE_END: Final = regex.compile(r"[.!?؟…؛]+(?=\s|$|[\"»”“«])|\n")
# Cuts inside a sentence: a participle or an attribution tail takes over after a comma
# («، مشيرا إلى أن», «، وفقا لما ذكرته»).
_NEGATION: Final = frozenset(
    {"لم", "لن", "لا", "ما", "دون", "عدم", "ولم", "ولا", "فلم", "ولن", "وما", "الا", "يكاد"}
)
_CLAUSE_OPENERS: Final = frozenset(
    {
        "و",
        "لكن",
        "ولكن",
        "بينما",
        "فيما",
        "حيث",
        "كما",
        "ثم",
        "وقد",
        "قد",
        "ان",
        "غير",
        "في",
        "حين",
        "اذ",
        "كان",
        "كانت",
        "وكان",
        "وكانت",
        "فقد",
        "لقد",
        "وفيما",
        "وبينما",
        "الا",
        "اما",
        "فان",
        "بل",
        "اي",
    }
)
_PRONOUN_SUBJECT: Final[dict[str, tuple[Gender, Number]]] = {
    "لكنه": ("m", "sg"),
    "لكنها": ("f", "sg"),
    "لكنهم": ("m", "pl"),
    "ولكنه": ("m", "sg"),
    "ولكنها": ("f", "sg"),
    "انه": ("m", "sg"),
    "انها": ("f", "sg"),
    "انهم": ("m", "pl"),
}
# The pronoun suffix of a continuity marker: «من جهته» (m.sg), «من جهتها» (f.sg) ...
_SUFFIX_FEATURES: Final[dict[str, tuple[Gender, Number]]] = {
    "ه": ("m", "sg"),
    "ها": ("f", "sg"),
    "هم": ("m", "pl"),
    "هما": ("m", "du"),
}
_HONORIFIC_FORMULA: Final = regex.compile(r"حفظه|رعاه|رحمه|طيب الله|رضي الله|صلي الله|عليه السلام")
_TITLE_ONLY_MAX_WORDS: Final = 3
# A comma that may cut an indirect clause, and the attribution tail that does: «، وفقا لـ».
_COMMA: Final = regex.compile(r"[،,]\s*")
_ATTRIBUTION_TAIL: Final = regex.compile(r"و?(?:وفقا|وفق|بحسب|حسب|حسبما|نقلا|طبقا)\s")
# What such a tail starts with (a test cheaper than the regex after each comma).
_ATTRIBUTION_TAIL_STARTS: Final = tuple(
    p + w for p in ("", "و") for w in ("وفقا", "وفق", "بحسب", "حسب", "حسبما", "نقلا", "طبقا")
)


def _sentence_ends(
    text: str, start: int, end: int, candidates: Sequence[int] | None = None
) -> list[int]:
    """Where sentences end in ``text[start:end]``: the first of a run of «.!?؟…؛» that a
    space, a quote mark or the end follows, and every line break (as :data:`_SENTENCE_END`
    would find them, without a regex scan over the whole paragraph)."""
    out: list[int] = []
    run_end = -1
    for at in _positions(text, _END_CHARS, start, end) if candidates is None else candidates:
        if text[at] == "\n":
            out.append(at)
            continue
        if at < run_end:
            continue  # inside a run already judged
        q = at + 1
        while q < end and text[q] in _END_PUNCT:
            q += 1
        run_end = q
        if q >= end or text[q].isspace() or text[q] in _QUOTE_AFTER_END:
            out.append(at)
    return out


_END_PUNCT: Final = ".!?؟…؛"
# The sentence-end characters after which no new sentence (and no mention) starts.
_NOT_BREAKS: Final = "…؛"
_END_CHARS: Final = _END_PUNCT + "\n"
_QUOTE_AFTER_END: Final = '"»”“«'


def _sentence_cuts(
    text: str, start: int, end: int, pairs: list[MarkPair], ends: list[int]
) -> list[int]:
    inside = [(p.open, p.close if p.close is not None else end) for p in pairs]
    opens = [a for a, _ in inside]
    cuts: list[int] = []
    for at in _sentence_ends(text, start, end, ends):
        k = _bisect_right(opens, at) - 1
        if k >= 0 and inside[k][0] < at < inside[k][1]:
            continue
        cuts.append(at)
    cuts.append(end)
    return cuts


def _next_cut(cuts: list[int], at: int) -> int:
    return cuts[_bisect_left(cuts, at)]


def _pair_at(pairs: list[MarkPair], opens: list[int], at: int) -> MarkPair | None:
    k = _bisect_left(opens, at)
    if k < len(pairs) and pairs[k].open == at:
        return pairs[k]
    return None


def _inside_pair(pairs: list[MarkPair], opens: list[int], at: int, end: int) -> bool:
    k = _bisect_right(opens, at) - 1
    if k < 0:
        return False
    p = pairs[k]
    close = p.close if p.close is not None else end
    return p.open < at < close and p.words >= 3


def _prev_word(text: str, at: int, floor: int) -> str:
    """The word before ``at`` (spaces and commas between are skipped): «إنه، قال» → «إنه»."""
    floor = max(floor, at - 40)
    k = at
    while k > floor and (text[k - 1].isspace() or text[k - 1] in "،,"):
        k -= 1
    # most words stand after a space: one rfind instead of a step per letter
    word = text[max(floor, text.rfind(" ", floor, k) + 1) : k]
    if word.isalnum():
        return word
    j = k
    while j > floor and text[j - 1].isalnum():
        j -= 1
    return text[j:k]


def _next_word(text: str, at: int, end: int) -> tuple[int, int]:
    """The next word after ``at`` (an honorific pronoun «وقال سموه»): where it starts and
    ends, ``(-1, -1)`` for none, as the ``regex`` pattern ``\\s+(\\p{L}+)`` would read it in
    ``text[at:end]`` (white space first, then letters)."""
    start = _skip_space(text, at, end)
    stop = _letters_end(text, start, end)
    if start == at or stop == start:
        return -1, -1
    return start, stop


def _letters_end(text: str, at: int, end: int) -> int:
    """Past the letters (``\\p{L}``) at ``at``."""
    while at < end and _letter(text, at):
        at += 1
    return at


# A participle attached to its clause by a comma or dash: «، مؤكداً».
_ATTACHED: Final = regex.compile(r"[،,\-]\s*$")
# The pronoun suffix of a continuity marker: «من جهتهم» → «هم».
_SUFFIX: Final = regex.compile(r"(هما|هم|ها|ه)\b")


class _Complement:
    """A verb's complement (a plain class: a native class once compiled)."""

    __slots__ = ("at", "content", "kind", "word")

    def __init__(self, kind: str, content: int, at: int, word: str) -> None:
        self.kind: str = kind  # colon | clause | prep | quote
        self.content: int = content  # where the content starts
        self.at: int = at  # where the complement starts
        self.word: str = word


def _complement(
    text: str, pos: int, end: int, allowed: frozenset[str], *, aside: bool
) -> _Complement | None:
    """The complement after ``pos`` (maybe after an aside), when the verb allows it."""
    tries = 0
    cur = pos
    skipped = 0
    while cur < end and tries <= _ASIDE_MAX:
        m = _complement_at(text, cur, end)
        if m is not None:
            found = _complement_kind(text, m, end, allowed, skipped)
            if found is not None:
                return found
        if not aside:
            return None
        stop = _aside_end(text, cur, end)
        if stop < 0:
            return None
        word = text[cur:stop].strip()
        if (
            skipped == 0
            and word not in "،,()-–—"
            and word not in lexicon().stops
            and not word.startswith("ل")
        ):
            return None
        if not word.isalnum() and not _ASIDE_MARKS.isdisjoint(word):
            return None
        cur = stop
        skipped += 1
        tries += 1
    return None


class _ComplementMatch:
    """What :func:`_complement_at` read: ``kind`` (colon | clause | prep | bprep | quote),
    where it starts (``at``) and ends, its text (``word``) and where its content starts (a
    clause with a pronoun, «أنه»: at «أن»; any other: at the end)."""

    __slots__ = ("at", "content", "end", "kind", "word")

    def __init__(self, kind: str, at: int, end: int, word: str, content: int) -> None:
        self.kind: str = kind
        self.at: int = at
        self.end: int = end
        self.word: str = word
        self.content: int = content


def _aside_end(text: str, at: int, end: int) -> int:
    """Where the aside word at ``at`` ends (white space, then a comma, a bracket or a dash, or
    else a run of characters but white space, sentence punctuation and quote marks), -1 when
    there is none."""
    k = _skip_space(text, at, end)
    if k >= end:
        return -1
    c = ord(text[k])
    if c == 0x60C or c == 0x2C or c == 0x28 or c == 0x29 or c == 0x2D or c == 0x2013 or c == 0x2014:
        return k + 1  # «،», «,», «(», «)», «-», «–», «—»
    stop = k
    while stop < end and _aside_char(text, stop):
        stop += 1
    return stop if stop > k else -1


def _aside_char(text: str, at: int) -> bool:
    """Whether ``text[at]`` may stand in an aside word: no white space, none of «،,.:؟!?«»“”"»."""
    c = ord(text[at])
    if _ARABIC_FIRST <= c <= _ARABIC_LAST:
        return True
    if (
        c == 0x60C
        or c == 0x2C
        or c == 0x2E
        or c == 0x3A
        or c == 0x61F
        or c == 0x21
        or c == 0x3F
        or c == 0xAB
        or c == 0xBB
        or c == 0x201C
        or c == 0x201D
        or c == 0x22
    ):
        return False
    return not _regex_space(text, at)


def _complement_at(text: str, pos: int, end: int) -> _ComplementMatch | None:
    """The complement that starts at ``pos`` after spaces and a comma, as the ``regex``
    pattern in the comment above :data:`_COMPLEMENT_PREPS` matches it: «، إن», « عن», «:».

    (Characters are compared as code points, which compiled code does without making a
    string of each.)

    >>> m = _complement_at(" بانه سيحضر", 0, 11)
    >>> m.kind, m.word, m.content
    ('clause', 'بانه', 2)
    """
    at = _skip_space(text, pos, end)
    if at < end and (text[at] == "،" or text[at] == ","):
        at = _skip_space(text, at + 1, end)
    if at >= end:
        return None
    if text[at] == ":":
        return _ComplementMatch("colon", at, at + 1, ":", at + 1)
    # a clause, maybe after a preposition and its spaces: «إلى أن», «بأنه»
    prep = _preposition_at(text, at, end)
    if prep > 0 and not (prep == 2 and text[at] == "ع"):  # any but «عن»
        after = _skip_space(text, at + prep, end)
        if after > at + prep:
            clause = _clause_at(text, at, after, end)
            if clause is not None:
                return clause
    clause = _clause_at(text, at, at, end)
    if clause is not None:
        return clause
    if prep > 0 and at + prep < end and _regex_space(text, at + prep):
        return _ComplementMatch("prep", at, at + prep, text[at : at + prep], at + prep)
    if text[at] == "ب":
        if at + 1 < end and _letter(text, at + 1):
            return _ComplementMatch("bprep", at, at + 1, "ب", at + 1)
        return None
    if text[at] in _COMPLEMENT_MARKS:
        return _ComplementMatch("quote", at, at + 1, text[at], at + 1)
    return None


def _preposition_at(text: str, at: int, end: int) -> int:
    """The length of the preposition of a complement at ``at`` (:data:`_COMPLEMENT_PREPS`:
    «على», «عن», «إلى», «من», folded; at most one starts at a place), 0 for none."""
    if _starts(text, "علي", at, end) or _starts(text, "الي", at, end):
        return 3
    if _starts(text, "من", at, end) or _starts(text, "عن", at, end):
        return 2
    return 0


def _starts(text: str, word: str, at: int, end: int) -> bool:
    """``text[at:end].startswith(word)`` for ``at >= 0``, code point by code point."""
    n = len(word)
    if at + n > end:
        return False
    for k in range(n):  # noqa: SIM110 (a generator in all() compiles to a slow object)
        if ord(text[at + k]) != ord(word[k]):
            return False
    return True


def _clause_at(text: str, start: int, at: int, end: int) -> _ComplementMatch | None:
    """«أن» at ``at`` (after «ب» and a space or not) as a whole word with its pronoun: the
    clause from ``start``."""
    if at < end and text[at] == "ب":
        if at + 1 < end and _regex_space(text, at + 1):
            stop = _an_end(text, at + 2, end)
            if stop >= 0:
                return _clause(text, start, at + 2, stop)
        stop = _an_end(text, at + 1, end)
        if stop >= 0:
            return _clause(text, start, at + 1, stop)
    stop = _an_end(text, at, end)
    return _clause(text, start, at, stop) if stop >= 0 else None


def _clause(text: str, start: int, an: int, stop: int) -> _ComplementMatch:
    # with a pronoun («أنه») the content starts at «أن», otherwise after it
    return _ComplementMatch("clause", start, stop, text[start:stop], an if stop > an + 2 else stop)


def _an_end(text: str, at: int, end: int) -> int:
    """Where «أن» at ``at`` ends, with its pronoun if it has one, as a whole word; -1 when
    there is none («أنت», «انتخابات»)."""
    if not _starts(text, "ان", at, end):
        return -1
    at += 2
    for suffix in _AN_SUFFIXES:
        if _starts(text, suffix, at, end):
            stop = at + len(suffix)
            if stop >= end or not _letter_or_mark(text, stop):
                return stop
    if at >= end or not _letter_or_mark(text, at):
        return at
    return -1


def _skip_space(text: str, at: int, end: int) -> int:
    """Past the white space at ``at`` (the ``regex`` module's ``\\s``)."""
    while at < end and _regex_space(text, at):
        at += 1
    return at


def _regex_space(text: str, at: int) -> bool:
    """Whether ``text[at]`` is white space to the ``regex`` module's ``\\s``
    (:func:`arnews.detect.sources.white_space`)."""
    return white_space(ord(text[at]))


def _letter_or_mark(text: str, at: int) -> bool:
    """Whether ``text[at]`` is ``[\\p{L}\\p{M}]`` to the ``regex`` module."""
    c = ord(text[at])
    if _ARABIC_FIRST <= c <= _ARABIC_LAST:
        return True
    if c < 0x80:
        return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A
    if c == 0x60C or c == 0x61B or c == 0x61F or c == 0xAB or c == 0xBB or 0x2010 <= c <= 0x205E:
        return False  # «،», «؛», «؟», «», the dashes, quote marks and «…» of U+2010-U+205E
    ch = text[at]
    if ch.isspace():
        return False
    if ch.isalpha():
        return True
    category = unicodedata.category(ch)
    return category[0] == "M" or (category == "Cn" and _NEW_LETTER_OR_MARK.match(ch) is not None)


def _letter(text: str, at: int) -> bool:
    """Whether ``text[at]`` is ``\\p{L}`` to the ``regex`` module."""
    c = ord(text[at])
    if _ARABIC_FIRST <= c <= _ARABIC_LAST:
        return True
    if c < 0x80:
        return 0x41 <= c <= 0x5A or 0x61 <= c <= 0x7A
    ch = text[at]
    if ch.isalpha():
        return True
    return (
        not ch.isspace() and unicodedata.category(ch) == "Cn" and _NEW_LETTER.match(ch) is not None
    )


def _complement_kind(
    text: str, m: _ComplementMatch, end: int, allowed: frozenset[str], skipped: int
) -> _Complement | None:
    """The complement :func:`_complement_at` read, when the verb allows it."""
    kind = m.kind
    if kind == "colon" and ":" in allowed:
        return _Complement("colon", m.end, m.at, ":")
    if kind == "quote" and (":" in allowed or _marked_noun(text, m.end, end, allowed)):
        return _Complement("quote", m.at, m.at, "")
    if kind == "clause" and "ان" in allowed:
        return _Complement("clause", m.content, m.at, m.word)
    if kind == "prep" and _PREP_NAMES[m.word] in allowed:
        return _Complement("prep", m.end, m.at, m.word)
    if kind == "bprep" and "ب" in allowed and skipped == 0:
        return _Complement("prep", m.at, m.at, "ب")
    return None


_PREP_NAMES: Final = {"علي": "على", "عن": "عن", "الي": "إلى", "من": "من"}
# The complements of a verb missing from ``quotes_verb_complements.txt``.
_DEFAULT_COMPLEMENTS: Final = frozenset({"ان", ":"})


@functools.cache  # called with the constant sets of quotes_verb_complements.txt
def _complement_starts(allowed: frozenset[str]) -> tuple[str, ...] | None:
    """What must stand somewhere after a verb that takes ``allowed`` for any complement of it
    to be found (``None`` for a verb taking a bare noun, which can be almost any word): the
    keys :func:`_next_start` looks for, any one of which will do.

    Every complement of such a verb is read by :func:`_complement_at` at the start of a word
    (or a «ب» word inside its subject): a colon or a quote mark, «أن» with its prefixes and
    pronouns (key «ان»), a preposition it takes, a word in «ب» (key «ب»). A verb with none of
    these after it in its block (the preposition «بين», the noun «عبر») is dropped.

    >>> _complement_starts(frozenset({"ان", "عن"}))
    ('ان', 'عن', '«', '»', '“', '”', '„', '"')
    """
    if "اسم" in allowed:
        return None
    preps = [folded for folded, name in _PREP_NAMES.items() if name in allowed]
    keys: list[str] = []
    if "ان" in allowed:
        keys.append("ان")
    keys.extend(preps)
    if "ب" in allowed:
        keys.append("ب")
    if ":" in allowed:
        keys.append(":")
    if ":" in allowed or preps:
        keys.extend(_COMPLEMENT_MARKS)  # (with a preposition: a quote opening with it)
    return tuple(keys) if keys else None


def _next_start(text: str, key: str, at: int, end: int) -> int:
    """Where the first complement start of kind ``key`` (:func:`_complement_starts`) lies in
    ``text[at:end]``, -1 for none; each is a whole word (the character before ``at`` counts):

    - «ان»: «أن» with «ب» and its pronouns, ``(?:ب\\s?)?ان(?:ه|ها|...)?``;
    - a preposition with white space after it: «عن »;
    - «ب» with a letter after it: «بالإفراج»;
    - any other key: that character (a colon, a quote mark).
    """
    if key == "ان":
        q = text.find("ان", at, end)
        while q >= 0:
            # the clause starts at «ب» or «ب » before «أن», or at «أن» (most «ان» are inside
            # a word: «كان», «الانتخابات»), and «أن» ends as a word with its pronoun
            start = -1
            if (
                q - 2 >= at
                and text[q - 2] == "ب"
                and _regex_space(text, q - 1)
                and _word_start(text, q - 2)
            ):
                start = q - 2
            elif q - 1 >= at and text[q - 1] == "ب" and _word_start(text, q - 1):
                start = q - 1
            elif _word_start(text, q):
                start = q
            if start >= 0 and _an_end(text, q, end) >= 0:
                return start
            q = text.find("ان", q + 1, end)
        return -1
    if key == "ب":
        q = text.find("ب", at, end)
        while q >= 0:
            if q + 1 < end and _letter(text, q + 1) and _word_start(text, q):
                return q
            q = text.find("ب", q + 1, end)
        return -1
    if len(key) == 1:
        return text.find(key, at, end)
    q = text.find(key, at, end)
    while q >= 0:
        stop = q + len(key)
        if stop < end and _regex_space(text, stop) and _word_start(text, q):
            return q
        q = text.find(key, q + 1, end)
    return -1


def _word_start(text: str, at: int) -> bool:
    """Whether no letter or mark stands before ``at`` (``(?<![\\p{L}\\p{M}])``)."""
    return at == 0 or not _letter_or_mark(text, at - 1)


# The preposition or noun a verb takes, written inside the marks (conventions §1.5):
# «وأعربت "عن تقديرها العميق ..."», «وجددت مملكة البحرين "وقوفها الثابت ..."».
_MARKED_PREP: Final = regex.compile(r"(علي|عن|الي|من)\s")
_MARKED_WORD: Final = regex.compile(r"\p{L}+")


def _marked_noun(text: str, at: int, end: int, allowed: frozenset[str]) -> bool:
    """Whether the words in marks from ``at`` are a complement the verb allows."""
    m = _MARKED_PREP.match(text, at, end)
    if m is not None:
        return _PREP_NAMES[m.group(1)] in allowed
    if "اسم" not in allowed:
        return False
    # a verbal noun with its pronoun («وقوفها», «رفضهم»): a bare noun in marks is more often a
    # slogan or a title («حمل لافتات كتب عليها "..."»)
    w = _MARKED_WORD.match(text, at, min(end, at + 40))
    return w is not None and _object_noun(NP(start=w.start(), end=w.end(), text=w.group()))


@functools.cache  # called with the constant sets of quotes_verb_complements.txt
def _fold_allowed(values: frozenset[str]) -> frozenset[str]:
    # complements are written unfolded in the data («على»); the grammar uses these names
    return frozenset({"على" if v == "علي" else "إلى" if v == "الي" else v for v in values})


def _svo_subject(
    text: str, cue_start: int, block_start: int
) -> tuple[NP | None, tuple[Gender, Number] | None]:
    """The subject written before the verb in the same clause: «لكن المصادر أشارت»."""
    floor = max(block_start, cue_start - 120)
    seg = text[floor:cue_start]
    last = _LAST_SVO_CUT.match(seg)  # the last of _SVO_CUTS: one call, not one per character
    cut = last.end() - 1 if last is not None else -1
    clause_start = floor + cut + 1 if cut >= 0 else floor
    if cut < 0 and floor > block_start:
        return None, None
    # A subject spans the clause after its openers in at most _SUBJECT_WORDS words (one more
    # for «قد»): a longer clause is rejected before it is tokenized.
    pieces = text[clause_start:cue_start].split()
    lead = 0
    while lead < len(pieces) and pieces[lead] in _CLAUSE_OPENERS:
        lead += 1
    if len(pieces) - lead > _SUBJECT_WORDS + 1:
        return None, None
    toks = tokens(text, clause_start, cue_start)
    if not toks:
        return None, None
    # «لكنها قالت», «إنه قال»: a pronoun subject
    if len(toks) <= 2 and toks[-1][2] in _PRONOUN_SUBJECT:
        return None, _PRONOUN_SUBJECT[toks[-1][2]]
    i = 0
    while i < len(toks) and toks[i][2] in _CLAUSE_OPENERS:
        i += 1
    if i >= len(toks):
        return None, None
    if toks[-1][2] in ("قد", "لقد"):
        toks = toks[:-1]
    if i >= len(toks):
        return None, None
    np = read_np(text, toks[i][0], cue_start)
    if np is not None and np.end != toks[-1][1] and i == 0:
        np = _subject_with_place(text, toks, np, cut < 0 or seg[cut] in ".\n")
    if np is None or np.end != toks[-1][1]:
        return None, None
    if len(np.text.split()) > _SUBJECT_WORDS:
        return None, None
    first = toks[i][2]
    if first.startswith("و") and first[1:] in cue_patterns().forms:
        return None, None
    words = name_words(np.text) or np.text.split()
    if not _known_head(words[0]) and not words[0].startswith("ال"):
        # an indefinite subject before the verb is rare; a sentence-initial «وأصدر» is
        # a verb, and after «في»/«حين» a word like «وقت» is no subject
        if first.startswith("و") or i > 0 or len(words) > 4:
            return None, None
        if any(w in cue_patterns().forms for w in words):
            return None, None
    return np, None


# Where the clause of a subject before the verb starts: after punctuation or a quote mark.
_SVO_CUTS: Final = '.،,:؛!؟\n"«»“”'
# The stretch up to the last of :data:`_SVO_CUTS` («قال الوزير، لكن المصادر» → up to «،»);
# stdlib ``re``: the greedy run goes to the end and steps back to the last cut, linear.
_LAST_SVO_CUT: Final = re.compile("(?s).*[" + re.escape(_SVO_CUTS) + "]")
# The most words a subject before the verb may have («السفير السعودي في واشنطن الأمير خالد
# بن سلمان ينفي ...»: 8).
_SUBJECT_WORDS: Final = 8
# The prepositions of an office's place inside a subject before the verb: «السفير السعودي
# في واشنطن», «السفير الأمريكي لدى إسرائيل».
_PLACE_PREPOSITIONS: Final = frozenset({"في", "لدي"})


def _subject_with_place(
    text: str, toks: list[tuple[int, int, str]], np: NP, sentence_start: bool
) -> NP | None:
    """A role subject with one place phrase, and its holder's name, before the verb at the
    start of a sentence: «السفير السعودي في واشنطن [الأمير خالد بن سلمان] ينفي ...».

    ``toks`` are the words from the subject to the verb; ``np`` the phrase read up to the
    preposition. Returns the whole subject, or ``np`` when the shape does not fit.
    """
    if not sentence_start or len(toks) > _SUBJECT_WORDS:
        return np
    words = name_words(np.text) or np.text.split()
    if np.text.split()[0] not in lexicon().roles and words[0] not in lexicon().roles:
        return np
    k = next((j for j, t in enumerate(toks) if t[0] >= np.end), len(toks))
    if k + 1 >= len(toks) or toks[k][2] not in _PLACE_PREPOSITIONS:
        return np
    end = toks[k + 1][1]  # «في واشنطن»: one word of place
    if k + 2 < len(toks):
        # the holder's name after the place, up to the verb: a title or a proper name
        first = toks[k + 2][2]
        if first not in lexicon().title_words and (
            first.startswith("ال") or first in lexicon().stops or _known_head(first)
        ):
            return np
        holder = read_np(text, toks[k + 2][0], toks[-1][1])
        if holder is None or holder.end != toks[-1][1]:
            return np
        end = holder.end
    return NP(start=np.start, end=end, text=text[np.start : end])


def _known_head(word: str) -> bool:
    return word in _known_heads()


@functools.cache
def _known_heads() -> frozenset[str]:
    """Words that head a known kind of speaker phrase: roles, organizations, anonymous
    sources, agencies, media, documents and title words (one set, one lookup)."""
    lex = lexicon()
    return (
        lex.roles
        | lex.organizations
        | lex.anonymous
        | lex.agencies
        | lex.media
        | lex.documents
        | lex.title_words
    )


def _bare_name(phrase: str) -> bool:
    """One indefinite word that is no known head: a proper name («برشلونة», «غزة»)."""
    words = phrase.split()
    return len(words) == 1 and not words[0].startswith("ال") and not _known_head(words[0])


def _is_nonspeaker(np: NP) -> bool:
    lex = lexicon()
    head = _head_of(np.text, lex.title_words)
    return head in lex.nonspeakers or head in lex.stops


def _head_of(phrase: str, title_words: frozenset[str]) -> str:
    """The first word of ``name_words(phrase) or phrase.split()`` (``""`` when none): the
    phrase's first word as it is when that is a plain word and no title word (most phrases,
    ``title_words``: the lexicon's), without reading the rest of the phrase."""
    pieces = phrase.split(None, 1)
    if not pieces:
        return ""
    first = pieces[0]
    if first.isalnum() and first not in title_words:
        return first  # (its first run of letters, and no title to drop)
    words = name_words(phrase) or phrase.split()
    return words[0]


# Words that cannot head a speaker phrase (conventions §3): a conjunction («او تاكيد الامر»),
# an adverb or prepositional phrase («بجدية», «بالفعل»), an accusative document or role word
# («اصدر ... بيانا اكد فيه»), a phrase running into a quote mark («واشنطن "بعض ...»).
_NOT_A_HEAD: Final = regex.compile(r"^(?:او|ام|ثم|بال\w+|ب\w{2,}ية)(?:\s|$)|[«“]\s*$")
# What a phrase :data:`_NOT_A_HEAD` can match at its start opens with.
_NOT_A_HEAD_FIRST: Final = ("او", "ام", "ثم", "ب")


def _not_a_head(phrase: str) -> bool:
    first = phrase.split(" ", 1)[0]
    if _known_head(first):
        return False
    if first.endswith("ا") and len(first) > 3 and _known_head(first[:-1]):
        return True  # «بيانا»: the accusative object of «اصدر», not a subject
    # an odd number of «"»: the phrase runs into the opening mark of a quote
    if phrase.count('"') % 2 == 1:
        return True
    # the regex matches only a phrase opening with one of these or holding «/“ (most do not)
    if not phrase.startswith(_NOT_A_HEAD_FIRST) and "«" not in phrase and "“" not in phrase:
        return False
    return _NOT_A_HEAD.search(phrase) is not None


# A headline «ترامب يعلق ...», «برشلونة ينفي ...»: a present-tense verb («ي» + stem) after
# the first word makes that word its subject, not a verb opening the sentence.
_PRESENT_VERB: Final = regex.compile(r"^ي\w{3,5}$")


def present_verb_like(word: str) -> bool:
    """Whether ``word`` reads as a third-person present-tense verb («يعلق», «يرفض»).

    Args:
        word: a folded word.

    Returns:
        True for «ي» + a three-to-five letter stem that is no known speaker head.

    >>> present_verb_like("يرفض"), present_verb_like("الوزير")
    (True, False)
    """
    if not word.startswith("ي"):
        return False  # most words: no regex call
    return _PRESENT_VERB.match(word) is not None and not _known_head(word)


def _content_end(text: str, content: int, cuts: list[int], cut_points: list[int], end: int) -> int:
    stop = _next_cut(cuts, content)
    k = _bisect_right(cut_points, content)
    if k < len(cut_points) and cut_points[k] < stop:
        stop = cut_points[k]
    # trim trailing spaces and punctuation
    while stop > content and text[stop - 1] in " \t،,:؛;":
        stop -= 1
    return stop


def _holds_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds a letter or digit (:data:`_WORD`): most stretches
    open with an Arabic letter, told from its code point before any ``regex`` call."""
    c = ord(text[start])
    if _ARABIC_FIRST <= c <= _ARABIC_LAST:
        return True
    return _WORD.search(text, start, end) is not None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\n":
        a += 1
    while b > a and text[b - 1] in " \t\n،,؛;":
        b -= 1
    return a, b


def detect_quotes(
    folded: Folded,
    blocks: Sequence[tuple[int, int, str]] | None = None,
    notice: NoticeSink | None = None,
) -> list[RawQuote]:
    """Find the quotes of a folded article.

    Args:
        folded: the folded view of ``Article.text``.
        blocks: ``(start, end, role)`` of each block in *folded* offsets (role as in
            :class:`~arnews.layout.LaidBlock`); by default the text split at blank lines.
        notice: where to report unbalanced quote marks.

    Returns:
        The quotes in text order; they never overlap.

    >>> f = fold("أعرب مسؤولون أمريكيون عن ترحيبهم. وأشاروا إلى أن الزيارة مهمة.")
    >>> [(q.speaker.text if q.speaker else None, q.number) for q in detect_quotes(f)]
    [('مسؤولون امريكيون', None), (None, 'pl')]
    """
    return detect(folded, blocks, notice)[0]


# Paragraphs of a text without layout: lines up to a blank line.
_PARAGRAPH: Final = regex.compile(r"[^\n]+(?:\n(?!\n)[^\n]+)*")


def detect(
    folded: Folded,
    blocks: Sequence[tuple[int, int, str]] | None = None,
    notice: NoticeSink | None = None,
) -> tuple[list[RawQuote], list[NP]]:
    """Find the quotes of a folded article and the entities a pronoun may point back to.

    One pass over the words of the text finds every cue (speech verbs, participles, relays,
    passive and background formulas, titles); the quotes are read from them block by
    block, and the mentions (:func:`detect_mentions`) from the titles and sentence starts.

    Args:
        folded: the folded view of ``Article.text``.
        blocks: ``(start, end, role)`` of each block in *folded* offsets; by default the
            text split at blank lines.
        notice: where to report unbalanced quote marks.

    Returns:
        ``(quotes, mentions)``: the quotes in text order (never overlapping) and the
        mentions in text order (none when no quote or attribution has a pronoun speaker).

    >>> f = fold("واستقبل الشيخ محمد في مكتبه الوفد. وقال إن الزيارة مهمة.")
    >>> quotes, mentions = detect(f)
    >>> [f.text[q.start:q.end] for q in quotes], [m.text for m in mentions]
    (['الزياره مهمه'], ['الشيخ محمد'])
    """
    text = folded.text
    block_list = (
        [(m.start(), m.end(), "paragraph") for m in _PARAGRAPH.finditer(text)]
        if blocks is None
        else list(blocks)
    )
    pats = cue_patterns()
    scan = _scan_text(text, pats.triggers, pats.sieve)
    cues = _scan_cues(text, pats, scan)
    quotes = _find_quotes(folded, block_list, notice, pats, cues, scan)
    # mentions matter only before the last pronoun speaker (a quote or «على حد قوله») or
    # the last speaker named by office («وزير الدفاع», whose holder may be named before)
    roles = lexicon().roles
    last = -1
    for i, q in enumerate(quotes):
        if (q.speaker is None and not q.passive and (q.follows is None or q.follows >= i)) or (
            q.speaker is not None and q.speaker.text.split(" ", 1)[0] in roles
        ):
            last = max(last, q.start)
    for key in _PRONOUN_ATTRIBUTION_KEYS:
        last = max(last, text.rfind(key, last + 1))  # (only a later one changes ``last``)
    if last < 0:
        return quotes, []  # no pronoun to resolve: the mentions would not be looked at
    # words inside a quote are the speaker's own («لقد وجهت ...»): no antecedent there
    inside = sorted((q.start, q.end) for q in quotes if q.kind == "direct")
    return quotes, _mentions(text, [b for b in block_list if b[0] < last], cues, scan.ends, inside)


# The pronoun of an attribution «على حد قوله», «وفق تعبيرها», «بحسب وصفه», which the
# linking step resolves like a pronoun speaker.
_PRONOUN_ATTRIBUTION: Final = (
    "قوله",
    "قولها",
    "قولهم",
    "تعبيره",
    "تعبيرها",
    "تعبيرهم",
    "وصفه",
    "وصفها",
    "وصفهم",
)


# The shortest of them, which the others contain («قوله» in «قولها»): one scan each.
_PRONOUN_ATTRIBUTION_KEYS: Final = tuple(
    k for k in _PRONOUN_ATTRIBUTION if not any(o != k and o in k for o in _PRONOUN_ATTRIBUTION)
)


def _find_quotes(
    folded: Folded,
    blocks: list[tuple[int, int, str]],
    notice: NoticeSink | None,
    pats: _Patterns,
    all_cues: list[_Cue],
    scan: _Scan,
) -> list[RawQuote]:
    """The quotes of the blocks, from the cues of the text (:func:`_scan_cues`) and the places
    of its quote marks, commas and sentence-end characters (``scan``: :func:`_scan_text`)."""
    text = folded.text
    cues = [c for c in all_cues if c.what != "title"]
    cue_starts = [c.start for c in cues]
    marks = scan.marks
    commas = scan.commas
    ends = scan.ends
    out: list[RawQuote] = []
    open_from_previous: int | None = None  # a quote left open at the end of the block before
    for b0, b1, role in blocks:
        if role == "dateline" or b1 <= b0:
            continue
        lo = _bisect_left(cue_starts, b0)
        hi = _bisect_left(cue_starts, b1)
        block_marks = marks[_bisect_left(marks, b0) : _bisect_left(marks, b1)]
        if lo == hi and role == "paragraph" and not block_marks:
            open_from_previous = None
            continue  # no cue, no quote mark: nothing to read here
        # (a block without quote marks has no pair: most paragraphs)
        pairs = _pair_marks(text, b0, b1, block_marks, _WORDS_CAP) if block_marks else []
        opens = [p.open for p in pairs] if pairs else []
        # a paragraph that reopens with a quote mark continues a quote left open before it
        continued: int | None = None
        if open_from_previous is not None and pairs and pairs[0].open == b0:
            continued = open_from_previous
        open_from_previous = None
        left_open: int | None = None
        if pairs and pairs[-1].close is None and pairs[-1].words >= 3:
            nxt_open = left_open = pairs[-1].open
            if notice is not None:
                notice(
                    Notice(
                        code="quote.unbalanced",
                        message="quote mark left open: runs to the end of the paragraph",
                        span=folded.span(nxt_open, nxt_open + 1),
                    )
                )
        block_cues = [c for c in cues[lo:hi] if c.end <= b1]
        cuts: list[int] = []
        cut_points: list[int] = []
        blocked = [(c.start, c.end) for c in block_cues if c.what == "background"]
        if len(blocked) < len(block_cues):
            # sentence ends and comma cuts matter only to the cues read below
            cuts = _sentence_cuts(
                text, b0, b1, pairs, ends[_bisect_left(ends, b0) : _bisect_left(ends, b1)]
            )
            cut_points = _comma_cuts(text, b0, b1, commas, block_cues)
        block_quotes: list[RawQuote] = []
        taken_until = b0
        reach: dict[str, tuple[int, int]] = {}  # see _found_after
        # the verbs by place, for the quote pairs no verb introduced (none without a pair)
        verb_at = {c.start: c for c in block_cues if c.what == "verb"} if pairs else {}
        for ci, m in enumerate(block_cues):
            at = m.start
            if (
                m.what == "verb"
                and ci + 1 < len(block_cues)
                and block_cues[ci + 1].what == "verb"
                and block_cues[ci + 1].start - m.end <= 2
                and text[m.end : block_cues[ci + 1].start].isspace()
            ):
                continue  # «وقال وأضاف»: a verb right after a verb is not its subject
            if m.what == "background" or at < taken_until:
                continue
            if blocked and any(a <= at < e for a, e in blocked):
                continue
            if _inside_pair(pairs, opens, at, b1):
                continue
            q = _read_cue(
                folded,
                m,
                b0,
                b1,
                pairs,
                opens,
                cuts,
                cut_points,
                pats,
                block_quotes,
                len(out),
                reach,
            )
            if q is None:
                continue
            block_quotes.append(q)
            out.append(q)
            taken_until = q.end
        # quote pairs not introduced by a verb
        for p in pairs:
            if p.words < 3:
                continue
            close = p.close if p.close is not None else b1
            if continued is not None and p.open == b0 and continued < len(out):
                # the quote of the paragraph before goes on here: one quote (GOLD.md)
                start, end = _trim(text, p.open + 1, close)
                if end > start:
                    longer = out[continued].copy()
                    longer.end = end
                    out[continued] = longer
                    if p.close is None:
                        open_from_previous = continued
                    continue
            if any(q.start <= p.open + 1 and close <= q.end + 1 for q in block_quotes):
                continue
            if any(q.start < close and p.open < q.end for q in block_quotes):
                continue
            if p.words <= 4 and _HONORIFIC_FORMULA.search(text, p.open, close):
                continue
            q = _orphan_pair(text, p, close, b0, b1, verb_at, pats, block_quotes, out, continued)
            if q is not None:
                block_quotes.append(q)
                out.append(q)
        if role in ("headline", "subheadline", "heading") and not block_quotes:
            q = _headline_colon(text, b0, b1)
            if q is not None:
                out.append(q)
                block_quotes.append(q)
        if len(block_quotes) > 1:
            # keep text order and no overlap inside the block
            out_block = sorted(block_quotes, key=_start_of)
            del out[len(out) - len(block_quotes) :]
            last_end = -1
            for q in out_block:
                if q.start < last_end:
                    continue
                out.append(q)
                last_end = q.end
        if left_open is not None and open_from_previous is None:
            # the quote that holds the mark left open may go on in the next paragraph
            for k in range(len(out) - 1, -1, -1):
                if out[k].start <= left_open + 2 and out[k].end >= b1 - 2:
                    open_from_previous = k
                    break
                if out[k].end < left_open:
                    break
    return out


def _start_of(q: RawQuote) -> int:
    return q.start


def _comma_cuts(
    text: str,
    b0: int,
    b1: int,
    commas: list[int],
    block_cues: list[_Cue],
) -> list[int]:
    """The commas of the block after which a participle or an attribution tail cuts an
    indirect clause: «، مشيرا إلى أن», «، وفقا لما ذكرته»."""
    lo = _bisect_left(commas, b0)
    hi = _bisect_left(commas, b1)
    if lo == hi:
        return []
    part_starts = {c.start for c in block_cues if c.what == "part"}
    cut_points = []
    for at in commas[lo:hi]:
        nxt = at + 1
        while nxt < b1 and (_regex_space(text, nxt) or 0x1C <= ord(text[nxt]) <= 0x1F):
            nxt += 1  # (white space as ``str.isspace`` knows it)
        if nxt in part_starts or (nxt < b1 and _tail_at(text, nxt, b1)):
            cut_points.append(at)
    return cut_points


def _tail_at(text: str, at: int, end: int) -> bool:
    """Whether an attribution tail (:data:`_ATTRIBUTION_TAIL`) starts at ``at``: its first
    letter is tested as a code point before the strings and the regex."""
    if not (
        text[at] == "و" or text[at] == "ب" or text[at] == "ح" or text[at] == "ن" or text[at] == "ط"
    ):
        return False
    return (
        text.startswith(_ATTRIBUTION_TAIL_STARTS, at)
        and _ATTRIBUTION_TAIL.match(text, at, end) is not None
    )


def occurrences(text: str, key: str) -> list[int]:
    """Every place of ``key`` in ``text`` (``str.find``, no regex scan).

    >>> occurrences("قال ثم قال", "قال")
    [0, 7]
    """
    found = []
    at = text.find(key)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1)
    return found


def _found_after(
    keys: tuple[str, ...],
    text: str,
    at: int,
    end: int,
    reach: dict[str, tuple[int, int]],
) -> bool:
    """Whether a complement start of one of ``keys`` (:func:`_next_start`) lies in
    ``text[at:end]``. ``reach`` remembers, per key, the last search of the block: where it
    started and what it found (-1: nothing up to ``end``), so that the cues of a block never
    search the same stretch twice (10 000 «بين» in a paragraph stay linear)."""
    for key in keys:
        known = reach.get(key)
        if known is not None and known[0] <= at:
            if known[1] >= at:
                return True  # the start found before still lies ahead
            if known[1] < 0:
                continue  # nothing from an earlier place to the end of the block
        found = _next_start(text, key, at, end)
        reach[key] = (at, found)
        if found >= 0:
            return True
    return False


def _read_cue(
    folded: Folded,
    m: _Cue,
    b0: int,
    b1: int,
    pairs: list[MarkPair],
    opens: list[int],
    cuts: list[int],
    cut_points: list[int],
    pats: _Patterns,
    block_quotes: list[RawQuote],
    base_index: int,
    reach: dict[str, tuple[int, int]],
) -> RawQuote | None:
    text = folded.text
    what = m.what
    cue = (m.start, m.end)
    if what == "passive":
        comp = _complement(text, m.end, b1, frozenset({"ان", ":"}), aside=False)
        if comp is None and m.verb.endswith((" علي", " عن", " الي")):
            comp = _Complement("prep", m.end, m.end, "")
        if comp is None:
            return None
        return _finish(
            text, comp, cue, None, None, None, b1, pairs, opens, cuts, cut_points, passive=True
        )
    if what == "nominal":
        # «عن الناطق باسم الخارجية قوله»: the speaker is between «عن» and the cue
        seg_start = max(b0, m.start - 150)
        k = text.rfind(" عن ", seg_start, m.start)
        if k < 0:
            return None
        np = read_np(text, k + 4, m.start)
        if np is None or text[np.end : m.start].strip():
            return None
        comp = _complement(text, m.end, b1, frozenset({"ان", ":"}), aside=False)
        if comp is None:
            return None
        return _finish(text, comp, cue, np, None, None, b1, pairs, opens, cuts, cut_points)
    form = pats.forms.get(m.verb)
    if form is None:
        return None
    prev = _prev_word(text, m.start, b0)
    if prev in _NEGATION or (form.present and prev in ("ان", "لن", "سوف")):
        return None
    allowed, need, nominal, continues = _verb_grammar(form.verb)
    if need is not None and not _found_after(need, text, m.end, b1, reach):
        return None  # nothing after the verb in its block can start a complement it takes
    gender: Gender | None = form.gender
    number: Number | None = form.number
    if form.participle:
        before = text[max(b0, m.start - 3) : m.start]
        attached = _ATTACHED.search(before) or prev in pats.forms or m.pre
        if not attached and (form.gender == "f" or prev in ("من", "غير", "امر", "شبه")):
            return None
        comp = _complement(text, m.end, b1, allowed, aside=False)
        if comp is None:
            return None
        follows = None
        for j in range(len(block_quotes) - 1, -1, -1):
            bq = block_quotes[j]
            if bq.end <= m.start and _same_sentence(cuts, bq.start, m.start):
                follows = base_index - (len(block_quotes) - j)
                break
        q = _finish(text, comp, cue, None, gender, number, b1, pairs, opens, cuts, cut_points)
        if q is None:
            return None
        if follows is None:
            subject = _main_subject(text, cuts, m.start, b0)
            if subject is not None:
                q = q.copy()
                q.speaker = subject
                return q
        if follows is not None:
            q = q.copy()
            q.follows = follows
        return q
    # a finite speech verb
    after = m.end
    honorific: str | None = None
    np = None
    # SVO: a subject written before the verb in its clause («الحوثيون يعلنون قصف ...»,
    # «القنصلية تنفي وجود ...»); the noun after the verb is then its content
    svo_first: NP | None = None
    svo_pronoun: tuple[Gender, Number] | None = None
    if not m.pre and _word_before(text, m.start, b0):
        svo_first, svo_pronoun = _svo_subject(text, m.start, b0)
        if (
            svo_first is not None
            and (
                _is_nonspeaker(svo_first)
                or _not_a_head(svo_first.text)
                # agreement: a feminine noun («نية المخرجة») is no subject of a masculine verb;
                # a bare proper name is free («برشلونة ينفي»: a city or club takes either)
                or (
                    form.gender == "m"
                    and form.number == "sg"
                    and noun_features(svo_first.text)[:2] == ("f", "sg")
                    and not _bare_name(svo_first.text)
                )
            )
        ):
            svo_first = None
    word_start, word_end = _next_word(text, after, min(b1, after + 20))
    if word_start >= 0 and text[word_start:word_end] in lexicon().honorific_pronouns:
        honorific = text[word_start:word_end]
        after = word_end
    elif form.number == "sg" and svo_first is None and svo_pronoun is None:
        # a verb before its subject stays singular (conventions §2.4): after a plural or
        # dual verb the noun is its object, not its subject
        np = read_np(text, after, b1)
        if np is not None:
            if _is_nonspeaker(np):
                return None
            if _object_noun(np) or (
                nominal and prev not in _PREPOSITIONS and _pronoun_h_noun(folded, np)
            ):
                np = None  # «وأكدت رفضها»: a verbal noun with a pronoun is the content
            else:
                after = np.end
    comp = _complement(text, after, b1, allowed, aside=True)
    gap_from = np.end if np is not None else after
    if comp is None or (comp.kind == "prep" and comp.at - gap_from > 40):
        # «وعبر عباس في بيان أوردته وكالة ... "وفا"، عن ثقته»: past a statement aside
        sa = _STATEMENT_ASIDE.match(text, after, b1) if _aside_opens(text, after, b1) else None
        if sa is not None and sa.group("noun") in _statement_nouns():
            past = _complement(text, sa.end(), b1, allowed - {"اسم"}, aside=False)
            if past is not None and past.kind != "quote":
                comp = past
                gap_from = sa.end()
    if comp is None and np is not None and nominal:
        object_at = _object_after_definite(text, np)
        if object_at is not None:
            written = text[np.start : object_at].rstrip()
            np = NP(start=np.start, end=np.start + len(written), text=written)
            comp = _Complement("prep", object_at, object_at, "")
    if comp is None and np is not None and "ب" in allowed:
        object_at = _b_complement_inside(text, np)
        if object_at is not None:
            written = text[np.start : object_at].rstrip()
            np = NP(start=np.start, end=np.start + len(written), text=written)
            comp = _Complement("prep", object_at, object_at, "ب")
    if comp is None and np is not None and nominal:
        comp = _noun_content(text, np, b1, allowed)
        if comp is not None:
            written = text[np.start : comp.at].rstrip()
            np = NP(start=np.start, end=np.start + len(written), text=written)
    if comp is None and np is None and nominal and _noun_follows(text, m.end, b1):
        comp = _Complement("prep", m.end, m.end, "")
    if comp is None and np is not None and nominal:
        # «ونفت موسكو مراراً تورطها»: adverbs, then the noun content
        at = skip_adverbs(text, np.end, b1)
        if at > np.end and _noun_follows(text, at, b1):
            comp = _Complement("prep", at, at, "")
        elif (
            at == np.end
            and institution_head(np.text.split(" ", 1)[0])
            and _noun_follows(text, at, b1)
            and _NOT_RECIPIENT.match(text, at)
        ):
            # «أبدت الخارجية الفرنسية مخاوف من ...»: the phrase stopped before the content
            comp = _Complement("prep", at, at, "")
    if comp is None and np is not None and nominal and _known_head(np.text.split(" ", 1)[0]):
        # an office, a name between commas, then the noun content (conventions §3.5):
        # «أعلن رئيس البرلمان العربي، مشعل بن فهم السلمي، تضامنه التام»
        app = _APPOSITION.match(text, np.end, b1)
        if app is not None:
            name = read_np(text, app.start("name"), b1)
            content = read_np(text, app.end(), b1)
            if (
                name is not None
                and name.end == app.end("name")
                and content is not None
                and (_object_noun(content) or _pronoun_h_noun(folded, content))
            ):
                if skip_adverbs(text, name.start, name.end) < name.end:
                    np = NP(start=np.start, end=name.end, text=text[np.start : name.end])
                comp = _Complement("prep", app.end(), app.end(), "")
    if (
        comp is None
        and np is not None
        and text.startswith(" وال", np.end)
        and (m.pre or m.verb != "بين")  # «بين X وY»: «between», no verb
        and (_known_head(np.text.split(" ", 1)[0]) or quantifier_head(np.text.split(" ", 1)[0]))
    ):
        # two subjects joined by «و» (conventions §3.5): «أعربت عدد من الدول العربية
        # والمنظمات الدولية، الأحد، عن تضامنها»; the complement comes after the second
        second = read_np(text, np.end + 2, b1)
        if second is not None:
            comp = _complement(text, second.end, b1, allowed, aside=True)
            if comp is not None and comp.kind == "quote" and text[second.end : comp.at].strip():
                comp = None  # «... جرارد في "تويتر" إن»: a short name in marks after an aside
            if comp is not None:
                np = NP(start=np.start, end=second.end, text=text[np.start : second.end])
    if comp is None:
        return None
    if np is not None and comp.kind == "prep" and comp.at - max(np.end, gap_from) > 40:
        return None
    other_party = False
    if np is None and honorific is None:
        lo = max(b0, m.start - 20)
        cont = (
            pats.continuity.search(text, lo, m.start)
            if _ends_with_any(text, lo, m.start, pats.continuity_phrases)
            else None
        )
        if cont is not None:
            other_party = True
            suffix = _SUFFIX.search(cont.group())
            if suffix is not None:
                gender, number = _SUFFIX_FEATURES[suffix.group(1)]
        elif svo_first is not None:
            np = svo_first
        elif svo_pronoun is not None:
            gender, number = svo_pronoun
    if np is not None and not form.present and form.number == "sg" and np.start > m.start:
        number = None  # VSO: the verb stays singular whatever the subject's number
    q = _finish(
        text, comp, cue, np, gender, number, b1, pairs, opens, cuts, cut_points, honorific=honorific
    )
    if q is None:
        return None
    if q.speaker is not None and q.speaker.start > m.start and _not_a_head(q.speaker.text):
        # «فقال بجدية:», «يحمل واشنطن "...»: the words after the verb name nobody; the
        # speaker is the verb's pronoun
        q = q.copy()
        q.speaker = None
    if other_party:
        q = q.copy()
        q.other_party = True
        return q
    if q.speaker is None and honorific is None and continues:
        q = q.copy()
        q.continues = True
        return q
    return q


@functools.cache  # called with the canonical verbs of the constant verb table
def _verb_grammar(
    verb: str,
) -> tuple[frozenset[str], tuple[str, ...] | None, bool, bool]:
    """What a canonical verb takes, looked up once per verb: its complements (folded
    names), the search that must succeed after it (:func:`_complement_starts`), whether
    it takes a bare noun («اسم») and whether it continues the last statement («أضاف»)."""
    raw = cue_patterns().complements.get(verb)
    allowed = _fold_allowed(raw if raw is not None else _DEFAULT_COMPLEMENTS)
    nominal = raw is not None and "اسم" in raw
    return allowed, _complement_starts(allowed), nominal, verb in _continuation_verbs()


@functools.cache
def _continuation_verbs() -> frozenset[str]:
    """Folded canonical verbs that continue the last statement («أضاف», «تابع»)."""
    return frozenset(fold(w).text for w in data.words("quotes_continuation"))


def _word_before(text: str, at: int, floor: int) -> bool:
    """Whether a word stands right before ``at`` in the same clause (no punctuation)."""
    k = at
    while k > floor and text[k - 1] == " ":
        k -= 1
    return k > floor and text[k - 1].isalpha()


# A name between commas after an office, up to the content (conventions §3.5):
# «رئيس البرلمان العربي، مشعل بن فهم السلمي، تضامنه» → «مشعل بن فهم السلمي». Bounded.
_APPOSITION: Final = regex.compile(
    r"[ \t]*[،,][ \t]*(?P<name>[^\W\d][^،,.:؛\n\"«»“”]{1,60}?)[ \t]*[،,][ \t]*"
)


# A statement aside after the speaker, up to its comma (conventions §1.5):
# «عباس في بيان أوردته وكالة الأنباء الفلسطينية "وفا"، عن» → past «، ». Bounded.
_STATEMENT_ASIDE: Final = regex.compile(r"\s+و?في\s+(?P<noun>\p{L}+)[^،,.:؛؟!?\n]{0,80}?[،,]")


def _aside_opens(text: str, at: int, end: int) -> bool:
    """Whether white space and «في» or «وفي» follow ``at``, as :data:`_STATEMENT_ASIDE`
    needs (a test of code points before the ``regex`` call; most verbs have none)."""
    start = _skip_space(text, at, end)
    return start > at and (_starts(text, "في", start, end) or _starts(text, "وفي", start, end))


@functools.cache
def _statement_nouns() -> frozenset[str]:
    """Statement nouns of an aside (``quotes_statement_asides.txt``), folded."""
    return frozenset(fold(v).text for e in data.entries("quotes_statement_asides") for v in e)


# The pronoun suffixes of a verbal noun that is the content, not the speaker: «رفضها»,
# «قلقهم», «دعمهما» (a name rarely ends so; «ه» is left out, it is also a folded «ة»), and a
# plural in «ات» with «ه»: «ويكرر تصريحاته بأن ...».
_OBJECT_SUFFIXES: Final = ("ها", "هم", "هما", "اته")


def _object_noun(np: NP) -> bool:
    head = np.text.split(" ", 1)[0]
    return len(head) > 4 and head.endswith(_OBJECT_SUFFIXES) and not head.startswith("ال")


def _pronoun_h_noun(folded: Folded, np: NP) -> bool:
    """Whether the head of ``np`` is a verbal noun with the pronoun «ه», told from a folded
    «ة» by the source character: «أبدى استعداده للسماح» (content), not «أبدت الحكومة»."""
    head_end = folded.text.find(" ", np.start, np.end)
    head_end = np.end if head_end < 0 else head_end
    head = folded.text[np.start : head_end]
    return (
        len(head) > 4
        and head.endswith("ه")
        and not head.startswith("ال")
        and head not in _kin()
        and folded.source[folded.source_start(head_end - 1) : folded.source_start(head_end - 1) + 1]
        == "ه"
    )


@functools.cache
def _kin() -> frozenset[str]:
    """Kin and aides with «ه» (``quotes_kin.txt``), folded: «أسرته» speaks."""
    return frozenset(fold(v).text for e in data.entries("quotes_kin") for v in e)


# After a preposition a verb form is a verbal noun, not a finite verb: «خوفا من تجدد إصابته».
_PREPOSITIONS: Final = frozenset({"من", "في", "علي", "عن", "الي", "بعد", "قبل", "حتي", "مع"})


# Words with a pronoun that stay in a noun phrase: «الحكومة نفسها», «الدول كلها».
_EMPHATIC: Final = frozenset({"نفسها", "ذاتها", "كلها", "جميعها", "بعضها", "نفسهم", "كلهم"})


def _object_after_definite(text: str, np: NP) -> int | None:
    """Where the object of a verb starts inside a phrase read as its subject.

    A definite word closes a noun phrase (it cannot be followed by its genitive), so a
    noun with a pronoun after it is the content, not the speaker (conventions §1.4):
    «أكدت الجمهورية اليمنية وقوفها» → subject «الجمهورية اليمنية», content «وقوفها».
    """
    words = list(_WORD.finditer(text, np.start, np.end))
    for prev, w in itertools.pairwise(words):
        word = w.group()
        if prev.group() in ("في", "وفي", "من") or prev.group().startswith(("ب", "ل")):
            return None  # after a preposition the phrase may go on with a relative clause
        if (
            prev.group().startswith("ال")
            and text[prev.end() : w.start()].isspace()
            and len(word) > 4
            and word.endswith(_OBJECT_SUFFIXES)
            and not word.startswith(("ال", "ب", "ل"))
            and word not in _EMPHATIC
        ):
            return w.start()
    return None


# A word in «ب» inside a phrase read as the subject of a verb that takes «ب» is its
# complement (conventions §1.5): «أفاد مراسل فرانس24 بمقتل قائد» → speaker «مراسل فرانس24»,
# content «بمقتل قائد». Three letters at least after «ب»: «بن», «بنت» stay in name chains.
_B_WORD: Final = regex.compile(r"ب\p{L}{3,}")


def _b_complement_inside(text: str, np: NP) -> int | None:
    """Where a «ب» complement starts inside ``np``, or ``None``.

    Only after a known head and at most one more word («مراسل فرانس24»): after a name or
    a longer phrase the «ب» word more often goes on naming a place or an object.
    """
    words = np.text.split(" ")
    # a head in «ين» is in the accusative, the object of «طالب المسؤولين بعدم ...»
    if len(words) < 2 or not _known_head(words[0]) or words[0].endswith("ين"):
        return None
    for i, w in enumerate(words[1:3], 1):
        if w != "باسم" and _B_WORD.fullmatch(w) is not None:  # «الناطق باسم»: a title
            return np.start + len(" ".join(words[:i])) + 1
        if w.startswith("ال") and words[0].startswith("ال"):
            return None  # «طالب المدرب اللاعبين بإجراء»: an object may stand between
    return None


def skip_adverbs(text: str, at: int, end: int) -> int:
    """Past up to two adverbs or time words (``quotes_adverbs.txt``) after ``at``."""
    adverbs = _adverbs()
    for _ in range(2):
        start, stop = _next_word(text, at, min(end, at + 30))
        if start < 0 or text[start:stop] not in adverbs:
            break
        at = stop
    return at


@functools.cache
def _adverbs() -> frozenset[str]:
    return frozenset(fold(v).text for e in data.entries("quotes_adverbs") for v in e)


# The next word is not a recipient in ل («نفى الوزير لرويترز ...»).
_NOT_RECIPIENT: Final = regex.compile(r"\s+(?!ل)")


def _noun_follows(text: str, at: int, end: int) -> bool:
    """Whether a noun (not a stop word, not a verb) follows ``at``: the content of
    «أعلنوا استهداف المصفاة»."""
    start, stop = _next_word(text, at, min(end, at + 40))
    if start < 0:
        return False
    word = text[start:stop]
    return word not in lexicon().stops and word not in cue_patterns().forms


def _noun_content(text: str, np: NP, end: int, allowed: frozenset[str]) -> _Complement | None:
    """For «نفت الوزارة صحة ...»: the subject is the head and its definite modifiers."""
    lex = lexicon()
    words = list(_WORD.finditer(text, np.start, np.end))
    if len(words) < 2:
        return None
    head = words[0].group()
    known = (
        head in lex.organizations
        or head in lex.roles
        or head in lex.anonymous
        or head in lex.agencies
        or head in lex.title_words
    )
    if not known and head.startswith("ال"):
        return None
    for i, w in enumerate(words[1:], 1):
        if (
            not w.group().startswith("ال")
            and i >= 1
            and words[i - 1].group() not in ("بن", "ال", "ابو", "عبد", "من")
            and w.group() != "من"  # «عدد من تلاميذ الأقسام»: a quantifier and its group
        ):
            if head in lex.title_words:
                continue
            return _Complement("prep", w.start(), w.start(), "")
    return None


def _same_sentence(cuts: list[int], a: int, b: int) -> bool:
    return _next_cut(cuts, a) >= b


def _main_subject(text: str, cuts: list[int], at: int, b0: int) -> NP | None:
    """The subject of the sentence a participle follows: «ونشرت إيران ...، قائلة» → «إيران»."""
    k = _bisect_left(cuts, at) - 1
    start = cuts[k] + 1 if k >= 0 and cuts[k] >= b0 else b0
    found = clause_subject(text, start, at)
    return found[0] if found is not None else None


def clause_subject(text: str, start: int, at: int) -> tuple[NP, str] | None:
    """The subject after the verb that opens the sentence ``[start, at)``, and that verb.

    Args:
        text: the folded text.
        start: where the sentence starts.
        at: where the subject must end at the latest.

    Returns:
        ``(subject, verb)``, or ``None`` when the sentence does not open with verb + subject.

    >>> t = fold("ونشرت إيران مئات الجنود، قائلة إن").text
    >>> np, verb = clause_subject(t, 0, len(t))
    >>> np.text, verb
    ('ايران', 'ونشرت')
    """
    toks = list(TOKEN.finditer(text, start, at))
    i = 0
    while i < len(toks) and not toks[i].group()[0].isalpha():
        i += 1
    # skip an opening adverbial («وفي أول رد فعل لطهران منذ الهجمات،») up to a comma
    j = i
    seen_comma = None
    for t in toks[i : i + 12]:
        if t.group() in "،,":
            seen_comma = t
            break
    if seen_comma is not None and toks[i].group() in (
        "وفي",
        "في",
        "وخلال",
        "خلال",
        "وبعد",
        "بعد",
        "ويوم",
        "يوم",
        "وفيما",
        "ومن",
    ):
        j = toks.index(seen_comma) + 1
        if j + 1 >= len(toks) and toks[i].group() in ("وفي", "في"):
            # no clause after the comma: the opener was two words («وفي المقابل دافع
            # المؤيدون عن المعرض، مؤكدين»)
            j = i + 2
    # the verb, then its subject
    if j + 1 >= len(toks) or toks[j].group() in lexicon().stops:
        return None  # «من جهته قال ...»: a preposition is no verb
    first = toks[j].group()
    if (
        present_verb_like(toks[j + 1].group())
        and first not in cue_patterns().forms
        and not first.startswith(("و", "ف"))
    ):
        return None  # «ترامب يرفض وقف ...»: subject, then verb
    np = read_np(text, toks[j + 1].start(), at, strict=True)
    if np is None or _is_nonspeaker(np) or _not_a_head(np.text):
        return None
    return np, toks[j].group()


def _finish(
    text: str,
    comp: _Complement,
    cue: tuple[int, int] | None,
    np: NP | None,
    gender: Gender | None,
    number: Number | None,
    b1: int,
    pairs: list[MarkPair],
    opens: list[int],
    cuts: list[int],
    cut_points: list[int],
    *,
    passive: bool = False,
    honorific: str | None = None,
) -> RawQuote | None:
    content = comp.content
    while content < b1 and text[content] in " \t":
        content += 1
    if content >= b1:
        return None
    kind: QuoteKind = "indirect"
    in_marks = False
    pair = _pair_at(pairs, opens, content)
    if pair is not None and pair.words >= 1:
        close = pair.close if pair.close is not None else b1
        start, end = _trim(text, pair.open + 1, close)
        if pair.words >= 3 or comp.kind in ("colon", "quote"):
            # the content is the words in the marks; a colon after them is part of nothing
            if end <= start:
                return None
            kind, in_marks = "direct", True
    if not in_marks:
        if comp.kind == "quote":
            return None
        end = _content_end(text, content, cuts, cut_points, b1)
        start, end = _trim(text, content, end)
        if end <= start or not _holds_word(text, start, end):
            return None
        if comp.kind == "colon":
            kind = "direct"
        else:
            # a clause that carries the speaker's own words in marks (more than two) is direct
            k = _bisect_left(opens, start)
            while k < len(pairs) and pairs[k].open < end:
                if pairs[k].words >= 3:
                    kind = "direct"
                    break
                k += 1
    return RawQuote(
        kind=kind,
        start=start,
        end=end,
        cue=cue,
        speaker=np,
        gender=gender,
        number=number,
        passive=passive,
        honorific=honorific,
    )


# «"..."، قال فلان» / «"..." وفق تعبيره»: the speaker after the quote (conventions §1.2 Q12).
# (:func:`_after_quote`: white space, commas and full stops, then a dash and white space.)


def _after_quote(text: str, at: int, end: int) -> int:
    """Past ``[\\s،,.]*(?:[-–—]\\s*)?`` at ``at``: where a speaker after a quote may start."""
    while at < end and (
        _regex_space(text, at) or text[at] == "،" or text[at] == "," or text[at] == "."
    ):
        at += 1
    if at < end and (text[at] == "-" or text[at] == "–" or text[at] == "—"):
        at = _skip_space(text, at + 1, end)
    return at


def _orphan_pair(
    text: str,
    p: MarkPair,
    close: int,
    b0: int,
    b1: int,
    verb_at: dict[int, _Cue],
    pats: _Patterns,
    block_quotes: list[RawQuote],
    out: list[RawQuote],
    continued: int | None,
) -> RawQuote | None:
    start, end = _trim(text, p.open + 1, close)
    if end <= start:
        return None
    # the speaker after the quote
    pos = _after_quote(text, close + 1 if p.close is not None else close, b1)
    vm = verb_at.get(pos)
    if vm is not None:
        form = pats.forms.get(vm.verb)
        if form is not None and not form.participle:
            np = read_np(text, vm.end, b1)
            if np is not None and not _is_nonspeaker(np):
                tail = _complement_at(text, np.end, b1)
                if tail is None or tail.kind not in ("clause", "colon", "quote"):
                    return RawQuote(
                        kind="direct",
                        start=start,
                        end=end,
                        cue=(vm.start, vm.end),
                        speaker=np,
                        gender=form.gender,
                    )
    # «X: "..."» — a colon before the quote, the speaker phrase before it
    before = text[max(b0, p.open - 3) : p.open]
    if ":" in before:
        colon = text.rfind(":", b0, p.open)
        seg_start = max(b0, colon - 80)
        cut = max(text.rfind(c, seg_start, colon) for c in ".،,؛!؟\n")
        np_start = cut + 1 if cut >= 0 else seg_start
        toks = list(TOKEN.finditer(text, np_start, colon))
        if toks and len(toks) <= 8:
            np = read_np(text, toks[0].start(), colon)
            if np is not None and np.end == toks[-1].end() and not _is_nonspeaker(np):
                return RawQuote(kind="direct", start=start, end=end, cue=None, speaker=np)
    # a paragraph made of a quote continues the speaker before it
    if p.open == b0 or p.words >= 6:
        if continued is not None and p.open == b0 and continued < len(out):
            return RawQuote(kind="direct", start=start, end=end, follows=continued)
        if out and p.words >= 4 and (p.open == b0 or block_quotes):
            return RawQuote(kind="direct", start=start, end=end, follows=len(out) - 1)
    return None


# A headline «الوزير: ...» (GOLD.md): a short speaker phrase, a colon, the statement.
_HEAD_COLON: Final = regex.compile(r"([^:\n]{2,80}?)\s*:\s*(\S[^\n]*)")


# A recipient between the speaker and the colon: «الوزير لـ"عكاظ": ...».
_RECIPIENT: Final = regex.compile(r"\s*(?:لل|ل)")


def _headline_colon(text: str, b0: int, b1: int) -> RawQuote | None:
    if text.find(":", b0, b1) < 0:
        return None  # most headlines: no colon, no regex
    m = _HEAD_COLON.match(text, b0, b1)
    if m is None:
        return None
    left = m.group(1)
    if len(left.split()) > 7 or "/" in left:
        return None
    np = read_np(text, m.start(1), m.end(1))
    if np is None or _is_nonspeaker(np):
        return None
    if text[np.end : m.end(1)].strip() and not _RECIPIENT.match(text, np.end, m.end(1)):
        return None
    start, end = _trim(text, m.start(2), b1)
    if text[start] in '«“"„':
        start += 1
    if end > start and text[end - 1] in '»”"“':
        end -= 1
    if len(_WORD.findall(text, start, end)) < 2:
        return None
    return RawQuote(kind="direct", start=start, end=end, cue=None, speaker=np)


def folded_blocks(folded: Folded, blocks: Sequence[tuple[Span, str]]) -> list[tuple[int, int, str]]:
    """Map ``(span, role)`` blocks of ``Article.text`` to folded offsets.

    >>> f = fold("قالَ")
    >>> folded_blocks(f, [(Span(start=0, end=4), "paragraph")])
    [(0, 3, 'paragraph')]
    """
    return [(folded.folded_index(s.start), folded.folded_index(s.end), role) for s, role in blocks]


# Where a sentence starts: after «.», «؟», «!» and a space, or a line break.
_SENTENCE_BREAK: Final = regex.compile(r"[.!؟?]\s|\n")
# Its first word (the verb), the space after it and the next word: «وامتنعت إيران عن ...»
# (:func:`_next_word` twice: ``\s*(\p{L}+)\s+(?=(\p{L}+))``).


def detect_mentions(folded: Folded, blocks: Sequence[tuple[int, int, str]]) -> list[NP]:
    """Entities a pronoun speaker may point back to, beside earlier speakers.

    Titled names («صاحب السمو الشيخ محمد») and the subject after a sentence-initial verb
    («وامتنعت إيران عن ...»); they become sources only when a quote resolves to them.

    Args:
        folded: the folded view.
        blocks: ``(start, end, role)`` in folded offsets.

    Returns:
        Noun phrases in text order.

    >>> f = fold("واستقبل صاحب السمو الشيخ محمد بن راشد في مكتبه الوفد.")
    >>> [np.text for np in detect_mentions(f, [(0, len(f.text), "paragraph")])]
    ['صاحب السمو الشيخ محمد بن راشد']
    """
    text = folded.text
    pats = cue_patterns()
    scan = _scan_text(text, pats.triggers, pats.sieve)
    return _mentions(text, list(blocks), _scan_cues(text, pats, scan), scan.ends)


@functools.cache
def _mention_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words after a sentence-initial verb that start no mention (stops, nonspeakers,
    verbs) and the heads a mention is kept with (organizations, roles, anonymous sources,
    agencies, documents): one set test each instead of one per list."""
    lex = lexicon()
    dropped = lex.stops | lex.nonspeakers | frozenset(cue_patterns().forms)
    known = lex.organizations | lex.roles | lex.anonymous | lex.agencies | lex.documents
    return frozenset(dropped), frozenset(known)


def _quoted(quote_starts: list[int], inside: list[tuple[int, int]], at: int) -> bool:
    """Whether ``at`` lies inside one of the spans ``inside`` (starting at ``quote_starts``)."""
    k = _bisect_right(quote_starts, at) - 1
    return k >= 0 and at < inside[k][1]


def _mentions(
    text: str,
    blocks: list[tuple[int, int, str]],
    cues: list[_Cue],
    ends: list[int],
    inside: list[tuple[int, int]] | None = None,
) -> list[NP]:
    """Mentions in ``blocks``, none inside the spans ``inside`` (sorted, not overlapping);
    ``ends`` are the places of the sentence-end characters of the text (:data:`_END_CHARS`)."""
    lex = lexicon()
    if inside is None:
        inside = []
    quote_starts = [a for a, _ in inside]

    forms = cue_patterns().forms
    dropped, known_words = _mention_words()
    titles = [c.start for c in cues if c.what == "title"]
    # the sentence breaks of the whole text (blocks take their share by bisection): the
    # sentence-end characters but «…» and «؛»
    breaks = [at for at in ends if text[at] not in _NOT_BREAKS]
    found: dict[int, NP] = {}
    for b0, b1, role in blocks:
        if role == "dateline":
            continue
        last_end = b0
        for at in titles[_bisect_left(titles, b0) : _bisect_left(titles, b1)]:
            if at < last_end or (quote_starts and _quoted(quote_starts, inside, at)):
                continue
            if _prev_word(text, at, max(b0, at - 20)) in lex.roles:
                # «مستشار خادم الحرمين الشريفين»: the title completes an office (a genitive),
                # it names nobody new
                continue
            np = read_np(text, at, b1, strict=True)
            if np is not None:
                found[np.start] = np
                last_end = np.end
        starts = [b0] + [
            at + 1
            for at in breaks[_bisect_left(breaks, b0) : _bisect_left(breaks, b1)]
            if text[at] == "\n" or (at + 1 < b1 and text[at + 1].isspace())
        ]
        for at in starts:
            if quote_starts and _quoted(quote_starts, inside, at):
                continue
            first_start = _skip_space(text, at, b1)
            first_end = _letters_end(text, first_start, b1)
            second_start, second_end = _next_word(text, first_end, b1)
            if first_end == first_start or second_start < 0:
                continue
            first, second = text[first_start:first_end], text[second_start:second_end]
            if first in lex.stops:
                continue  # «من جهة أخرى», «فنانة يمنية تروي»: no verb, so no subject after it
            if (
                present_verb_like(second)
                and first not in forms
                and not first.startswith(("و", "ف"))
            ):
                continue  # «ترامب يعلق ...»: the first word is the subject of a present verb
            if second in dropped and second not in lex.title_words:
                continue  # the phrase there could not be kept (the checks below)
            if (
                second.startswith("ال")
                and second not in known_words
                and second not in lex.title_words
            ):
                continue  # a definite word no list knows: no head of a mention
            np = read_np(text, second_start, b1, strict=True)
            if np is None or np.start in found:
                continue
            head = _head_of(np.text, lex.title_words)
            if head in lex.nonspeakers or head in lex.stops or head in forms:
                continue
            if _not_a_head(np.text):
                continue
            # a known head («ودعا البيان أفراد المقاومة ...») or a short name
            if head in known_words or (
                not head.startswith("ال") and len(name_words(np.text) or np.text.split()) <= 4
            ):
                found[np.start] = np
    return [found[k] for k in sorted(found)]
