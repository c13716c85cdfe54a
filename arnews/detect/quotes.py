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
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Final

import attrs
import regex

from arnews import data
from arnews.detect.sources import (
    NP,
    QUOTE_MARK,
    TOKEN,
    Gender,
    Number,
    lexicon,
    name_words,
    read_np,
)
from arnews.model import Notice, QuoteKind, Span
from arnews.text.fold import Folded, fold

__all__ = [
    "RawQuote",
    "VerbForm",
    "cue_patterns",
    "detect_mentions",
    "detect_quotes",
    "folded_blocks",
    "pair_marks",
]

NoticeSink = Callable[[Notice], None]


@attrs.frozen(kw_only=True)
class VerbForm:
    """What a speech-verb form says about its subject."""

    verb: str
    """The canonical verb (folded), the key into ``quotes_verb_complements.txt``."""
    gender: Gender
    number: Number
    present: bool
    participle: bool = False


@attrs.frozen(kw_only=True)
class RawQuote:
    """A quote found in the folded text, before speakers are linked to sources.

    Offsets are folded offsets. ``speaker`` is the explicit phrase where the quote is made;
    when it is ``None`` and ``passive`` is false, the speaker is a pronoun to resolve with
    ``gender``/``number`` (from the verb), ``honorific`` («سموه») or ``follows`` (the index of
    an earlier quote whose speaker a participle takes).
    """

    kind: QuoteKind
    start: int
    end: int
    cue: tuple[int, int] | None = None
    speaker: NP | None = None
    gender: Gender | None = None
    number: Number | None = None
    passive: bool = False
    honorific: str | None = None
    follows: int | None = None
    other_party: bool = False
    """After «من جهته»/«بدوره»: the pronoun prefers someone other than the last speaker."""


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


@attrs.frozen(kw_only=True)
class _Patterns:
    verb: regex.Pattern[str]
    participle: regex.Pattern[str]
    nominal: regex.Pattern[str]
    passive: regex.Pattern[str]
    background: regex.Pattern[str]
    continuity: regex.Pattern[str]
    forms: dict[str, VerbForm]
    complements: dict[str, frozenset[str]]


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
    return _Patterns(
        # A speech verb as a whole word, with its conjunction: «وأشاروا», «فقال», «تقول».
        verb=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<pre>[وف]?)(?P<verb>{_alternation(list(forms))})(?![\p{{L}}\p{{M}}])"
        ),
        # A circumstantial participle: «، مؤكداً أن», «قائلة:», «مشيرين إلى أن».
        participle=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<pre>و?)(?P<verb>{_alternation(m_sg_participles)})(?![\p{{L}}\p{{M}}])"
        ),
        # A relay «نقلت الوكالة عن الوزير قوله إن ...»: the cue noun after «عن» + speaker.
        nominal=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?P<verb>{_alternation(nominal)})(?![\p{{L}}\p{{M}}])"
        ),
        # Passive speech with content: «قيل إن», «كما تم التأكيد على».
        passive=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])[وف]?(?:كما\s+)?(?P<verb>{_alternation(passive)})(?![\p{{L}}\p{{M}}])"
        ),
        # Writer's background formulas: «يذكر أن», «وتجدر الإشارة إلى أن».
        background=regex.compile(
            rf"(?<![\p{{L}}\p{{M}}])(?:{_alternation(background)})(?![\p{{L}}\p{{M}}])"
        ),
        # Continuity markers «من جهته،», «بدوره،» right before a speech verb.
        continuity=regex.compile(rf"(?:{_alternation(continuity)})\s*[،,]?\s*$"),
        forms=all_forms,
        complements=complements,
    )


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
_WORD_CHAR: Final = regex.compile(r"[\p{L}\p{N}]")
# Words of quoted content, for the length rules.
_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")
_MAX_DEPTH: Final = 3


@attrs.frozen(kw_only=True)
class MarkPair:
    """A top-level pair of quote marks in a block: ``open`` and ``close`` are mark offsets;
    ``close`` is ``None`` when the mark stays open to the end of the block."""

    open: int
    close: int | None
    words: int


def pair_marks(text: str, start: int, end: int) -> list[MarkPair]:
    """Pair the quote marks of ``text[start:end]`` (one block) and return the top-level pairs.

    Args:
        text: the folded text.
        start: where the block starts.
        end: where the block ends.

    Returns:
        Top-level pairs in order; nested pairs (names in a quote) are not returned.

    >>> t = 'قال "نحن «هنا» الآن" و»هو«'
    >>> [(p.open, p.close) for p in pair_marks(t, 0, len(t))]
    [(4, 19), (22, 25)]
    """
    pairs: list[MarkPair] = []
    stack: list[tuple[str, int]] = []
    for m in _MARK.finditer(text, start, end):
        ch = m.group()
        at = m.start()
        if not stack:
            stack.append((ch, at))
            continue
        top, top_at = stack[-1]
        before = text[at - 1] if at > start else " "
        after = text[at + 1] if at + 1 < end else " "
        closing_context = bool(
            _WORD_CHAR.match(before) or before in ".!?؟…،,"
        ) and not _WORD_CHAR.match(after)
        opening_context = bool(_WORD_CHAR.match(after)) and not _WORD_CHAR.match(before)
        if ch in _PARTNER.get(top, ""):
            closes = ch != top or not opening_context or top == '"'
        else:
            closes = closing_context or (not opening_context and len(stack) >= 1)
        if len(stack) >= _MAX_DEPTH:
            closes = True
        if closes:
            stack.pop()
            if not stack:
                words = len(_WORD.findall(text, top_at + 1, at))
                pairs.append(MarkPair(open=top_at, close=at, words=words))
        else:
            stack.append((ch, at))
    if stack:
        _, top_at = stack[0]
        pairs.append(
            MarkPair(open=top_at, close=None, words=len(_WORD.findall(text, top_at + 1, end)))
        )
    return pairs


# --- grammar around a cue ---------------------------------------------------------------------

# The complement that makes a speech verb carry content (conventions §1.5): a colon, a clause
# after أن/إن/بأن (also إلى أن, على أن, من أن), a preposition with a noun, or a quote mark.
# «وقال إن "..."», «أكد على أن», «أعرب عن تقديره», «حذر من», «طالب بالإفراج».
_COMPLEMENT: Final = regex.compile(
    r"\s*(?:[،,]\s*)?(?:"
    r"(?P<colon>:)"
    r"|(?P<clause>(?:(?:الي|علي|من)\s+)?(?:ب\s?)?ان(?P<suffix>ه|ها|هم|هما|ني|نا|كم)?)(?![\p{L}\p{M}])"
    r"|(?P<prep>علي|عن|الي|من)(?=\s)"
    r"|(?P<bprep>ب)(?=\p{L})"
    r"|(?P<quote>[«»“”„\"])"
    r")"
)
# What may stand between the speaker (or verb) and the complement: a comma or dash aside, a
# time word, a recipient: «، في تصريح لرويترز،», «- خلال لقائه -», «أمس», «لـ"عكاظ"».
_ASIDE_TOKEN: Final = regex.compile(r"\s*(?:[،,()\-–—]|[^\s،,.:؟!?«»“”\"]+)")
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


def _sentence_cuts(text: str, start: int, end: int, pairs: Sequence[MarkPair]) -> list[int]:
    inside = [(p.open, p.close if p.close is not None else end) for p in pairs]
    opens = [a for a, _ in inside]
    cuts: list[int] = []
    for m in _SENTENCE_END.finditer(text, start, end):
        at = m.start()
        k = bisect_right(opens, at) - 1
        if k >= 0 and inside[k][0] < at < inside[k][1]:
            continue
        cuts.append(at)
    cuts.append(end)
    return cuts


def _next_cut(cuts: Sequence[int], at: int) -> int:
    return cuts[bisect_left(cuts, at)]


def _pair_at(pairs: Sequence[MarkPair], opens: Sequence[int], at: int) -> MarkPair | None:
    k = bisect_left(opens, at)
    if k < len(pairs) and pairs[k].open == at:
        return pairs[k]
    return None


def _inside_pair(pairs: Sequence[MarkPair], opens: Sequence[int], at: int, end: int) -> bool:
    k = bisect_right(opens, at) - 1
    if k < 0:
        return False
    p = pairs[k]
    close = p.close if p.close is not None else end
    return p.open < at < close and p.words >= 3


def _prev_word(text: str, at: int, floor: int) -> str:
    m = regex.search(r"([\p{L}\p{N}]+)[\s،,]*$", text[max(floor, at - 40) : at])
    return m.group(1) if m else ""


@attrs.frozen
class _Complement:
    kind: str  # colon | clause | prep | quote
    content: int  # where the content starts
    at: int  # where the complement starts
    word: str


def _complement(
    text: str, pos: int, end: int, allowed: frozenset[str], *, aside: bool
) -> _Complement | None:
    """The complement after ``pos`` (maybe after an aside), when the verb allows it."""
    tries = 0
    cur = pos
    skipped = 0
    lex = lexicon()
    while cur < end and tries <= _ASIDE_MAX:
        m = _COMPLEMENT.match(text, cur, end)
        if m is not None:
            kind = m.lastgroup or ""
            if kind == "suffix":
                kind = "clause"
            if kind == "colon" and ":" in allowed:
                return _Complement("colon", m.end(), m.start(kind), ":")
            if kind == "quote" and ":" in allowed:
                return _Complement("quote", m.start("quote"), m.start("quote"), "")
            if kind == "clause" and "ان" in allowed:
                content = (
                    m.end()
                    if m.group("suffix") is None
                    else m.end() - len("ان") - len(m.group("suffix"))
                )
                if m.group("suffix") is None:
                    content = m.end()
                else:
                    content = (
                        m.start("clause") + len(m.group("clause")) - len(m.group("suffix")) - 2
                    )
                return _Complement("clause", content, m.start("clause"), m.group("clause"))
            if (
                kind == "prep"
                and m.group("prep") in _PREP_NAMES
                and _PREP_NAMES[m.group("prep")] in allowed
            ):
                return _Complement("prep", m.end(), m.start("prep"), m.group("prep"))
            if kind == "bprep" and "ب" in allowed and skipped == 0:
                return _Complement("prep", m.start("bprep"), m.start("bprep"), "ب")
        if not aside:
            return None
        t = _ASIDE_TOKEN.match(text, cur, end)
        if t is None:
            return None
        word = t.group().strip()
        if (
            skipped == 0
            and word not in "،,()-–—"
            and word not in lex.stops
            and not word.startswith("ل")
        ):
            return None
        if QUOTE_MARK.search(word):
            return None
        cur = t.end()
        skipped += 1
        tries += 1
    return None


_PREP_NAMES: Final = {"علي": "على", "عن": "عن", "الي": "إلى", "من": "من"}


def _fold_allowed(values: frozenset[str]) -> frozenset[str]:
    # complements are written unfolded in the data («على»); the grammar uses these names
    return frozenset({"على" if v == "علي" else "إلى" if v == "الي" else v for v in values})


def _svo_subject(
    text: str, cue_start: int, block_start: int
) -> tuple[NP | None, tuple[Gender, Number] | None]:
    """The subject written before the verb in the same clause: «لكن المصادر أشارت»."""
    floor = max(block_start, cue_start - 120)
    seg = text[floor:cue_start]
    cut = max(seg.rfind(c) for c in '.،,:؛!؟\n"«»“”')
    clause_start = floor + cut + 1 if cut >= 0 else floor
    if cut < 0 and floor > block_start:
        return None, None
    toks = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, clause_start, cue_start)]
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
    if np is None or np.end != toks[-1][1]:
        return None, None
    if len(np.text.split()) > 8:
        return None, None
    first = toks[i][2]
    if first.startswith("و") and first[1:] in cue_patterns().forms:
        return None, None
    return np, None


def _is_nonspeaker(np: NP) -> bool:
    lex = lexicon()
    words = name_words(np.text) or np.text.split()
    return bool(words) and (words[0] in lex.nonspeakers or words[0] in lex.stops)


def _content_end(
    text: str, content: int, cuts: Sequence[int], cut_points: Sequence[int], end: int
) -> int:
    stop = _next_cut(cuts, content)
    k = bisect_right(cut_points, content)
    if k < len(cut_points) and cut_points[k] < stop:
        stop = cut_points[k]
    # trim trailing spaces and punctuation
    while stop > content and text[stop - 1] in " \t،,:؛;":
        stop -= 1
    return stop


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
    text = folded.text
    if blocks is None:
        blocks = [
            (m.start(), m.end(), "paragraph")
            for m in regex.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text)
        ]
    pats = cue_patterns()
    out: list[RawQuote] = []
    open_from_previous: int | None = None  # a quote left open at the end of the block before
    for b0, b1, role in blocks:
        if role == "dateline" or b1 <= b0:
            continue
        pairs = pair_marks(text, b0, b1)
        opens = [p.open for p in pairs]
        # a paragraph that reopens with a quote mark continues a quote left open before it
        continued: int | None = None
        if open_from_previous is not None and pairs and pairs[0].open == b0:
            continued = open_from_previous
        open_from_previous = None
        if pairs and pairs[-1].close is None and pairs[-1].words >= 3:
            nxt_open = pairs[-1].open
            open_from_previous = len(out)  # index the quote will get, if it becomes one
            if notice is not None:
                notice(
                    Notice(
                        code="quote.unbalanced",
                        message="quote mark left open: runs to the end of the paragraph",
                        span=folded.span(nxt_open, nxt_open + 1),
                    )
                )
        cuts = _sentence_cuts(text, b0, b1, pairs)
        # participle and attribution tails after a comma cut an indirect clause
        cut_points = sorted(
            m.start() for m in _COMMA.finditer(text, b0, b1) if _cut_follows(text, m.end(), b1)
        )
        block_quotes: list[RawQuote] = []
        taken_until = b0
        events = sorted(
            [(m.start(), "verb", m) for m in pats.verb.finditer(text, b0, b1)]
            + [(m.start(), "part", m) for m in pats.participle.finditer(text, b0, b1)]
            + [(m.start(), "nominal", m) for m in pats.nominal.finditer(text, b0, b1)]
            + [(m.start(), "passive", m) for m in pats.passive.finditer(text, b0, b1)],
            key=lambda e: e[0],
        )
        blocked = [(m.start(), m.end()) for m in pats.background.finditer(text, b0, b1)]
        for at, what, m in events:
            if at < taken_until:
                continue
            if any(a <= at < e for a, e in blocked):
                continue
            if _inside_pair(pairs, opens, at, b1):
                continue
            q = _read_cue(
                text,
                folded,
                what,
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
            if any(q.start <= p.open + 1 and close <= q.end + 1 for q in block_quotes):
                continue
            if any(q.start < close and p.open < q.end for q in block_quotes):
                continue
            if _HONORIFIC_FORMULA.search(text, p.open, close) and p.words <= 4:
                continue
            q = _orphan_pair(text, p, close, b0, b1, role, pats, block_quotes, out, continued)
            if q is not None:
                block_quotes.append(q)
                out.append(q)
        if role in ("headline", "subheadline", "heading") and not block_quotes:
            q = _headline_colon(text, b0, b1)
            if q is not None:
                out.append(q)
                block_quotes.append(q)
        # keep text order and no overlap inside the block
        out_block = sorted(block_quotes, key=lambda q: q.start)
        del out[len(out) - len(block_quotes) :]
        last_end = -1
        for q in out_block:
            if q.start < last_end:
                continue
            out.append(q)
            last_end = q.end
    return out


def _cut_follows(text: str, at: int, end: int) -> bool:
    pats = cue_patterns()
    m = _ATTRIBUTION_TAIL.match(text, at, end)
    if m is not None:
        return True
    p = pats.participle.match(text, at, end)
    return p is not None


def _read_cue(
    text: str,
    folded: Folded,
    what: str,
    m: regex.Match[str],
    b0: int,
    b1: int,
    pairs: Sequence[MarkPair],
    opens: Sequence[int],
    cuts: Sequence[int],
    cut_points: Sequence[int],
    pats: _Patterns,
    block_quotes: Sequence[RawQuote],
    base_index: int,
) -> RawQuote | None:
    cue = (m.start(), m.end())
    lex = lexicon()
    prev = _prev_word(text, m.start(), b0)
    if what == "passive":
        comp = _complement(text, m.end(), b1, frozenset({"ان", ":"}), aside=False)
        if comp is None and m.group("verb").endswith((" علي", " عن", " الي")):
            comp = _Complement("prep", m.end(), m.end(), "")
        if comp is None:
            return None
        return _finish(
            text, comp, cue, None, None, None, b1, pairs, opens, cuts, cut_points, passive=True
        )
    if what == "nominal":
        # «عن الناطق باسم الخارجية قوله»: the speaker is between «عن» and the cue
        seg_start = max(b0, m.start() - 150)
        k = text.rfind(" عن ", seg_start, m.start())
        if k < 0:
            return None
        np = read_np(text, k + 4, m.start())
        if np is None or text[np.end : m.start()].strip():
            return None
        comp = _complement(text, m.end(), b1, frozenset({"ان", ":"}), aside=False)
        if comp is None:
            return None
        return _finish(text, comp, cue, np, None, None, b1, pairs, opens, cuts, cut_points)
    form = pats.forms.get(m.group("verb"))
    if form is None:
        return None
    if prev in _NEGATION or (form.present and prev in ("ان", "لن", "سوف")):
        return None
    allowed = _fold_allowed(pats.complements.get(form.verb, frozenset({"ان", ":"})))
    gender: Gender | None = form.gender
    number: Number | None = form.number
    if form.participle:
        before = text[max(b0, m.start() - 3) : m.start()]
        attached = regex.search(r"[،,\-]\s*$", before) or prev in pats.forms or m.group("pre")
        if not attached and (form.gender == "f" or prev in ("من", "غير", "امر", "شبه")):
            return None
        comp = _complement(text, m.end(), b1, allowed, aside=False)
        if comp is None:
            return None
        follows = None
        for j in range(len(block_quotes) - 1, -1, -1):
            bq = block_quotes[j]
            if bq.end <= m.start() and _same_sentence(cuts, bq.start, m.start()):
                follows = base_index - (len(block_quotes) - j)
                break
        q = _finish(text, comp, cue, None, gender, number, b1, pairs, opens, cuts, cut_points)
        if q is None:
            return None
        if follows is None:
            subject = _main_subject(text, cuts, m.start(), b0)
            if subject is not None:
                return attrs.evolve(q, speaker=subject)
        return attrs.evolve(q, follows=follows)
    # a finite speech verb
    after = m.end()
    honorific: str | None = None
    np = None
    hm = regex.match(r"\s+([\p{L}]+)", text[after : min(b1, after + 20)])
    if hm is not None and hm.group(1) in lex.honorific_pronouns:
        honorific = hm.group(1)
        after = after + hm.end()
    else:
        np = read_np(text, after, b1)
        if np is not None:
            if _is_nonspeaker(np):
                return None
            after = np.end
    comp = _complement(text, after, b1, allowed, aside=True)
    if comp is None and np is not None and "اسم" in _raw_allowed(pats, form.verb):
        comp = _noun_content(text, np, b1, allowed)
        if comp is not None:
            written = text[np.start : comp.at].rstrip()
            np = NP(start=np.start, end=np.start + len(written), text=written)
    svo: NP | None = None
    if (
        comp is None
        and np is None
        and "اسم" in _raw_allowed(pats, form.verb)
        and not m.group("pre")
    ):
        svo, _ = _svo_subject(text, m.start(), b0)
        if svo is not None:
            comp = _Complement("prep", m.end(), m.end(), "")
    if comp is None:
        return None
    if np is not None and comp.kind == "prep" and comp.at - np.end > 40:
        return None
    svo_pronoun: tuple[Gender, Number] | None = None
    other_party = False
    if np is None and honorific is None:
        cont = pats.continuity.search(text, max(b0, m.start() - 20), m.start())
        if cont is not None:
            other_party = True
            suffix = regex.search(r"(هما|هم|ها|ه)\b", cont.group())
            if suffix is not None:
                gender, number = _SUFFIX_FEATURES[suffix.group(1)]
        elif not m.group("pre"):
            np, svo_pronoun = _svo_subject(text, m.start(), b0)
            if np is not None and _is_nonspeaker(np):
                return None
            if svo_pronoun is not None:
                gender, number = svo_pronoun
    if np is not None and not form.present and form.number == "sg" and np.start > m.start():
        number = None  # VSO: the verb stays singular whatever the subject's number
    q = _finish(
        text, comp, cue, np, gender, number, b1, pairs, opens, cuts, cut_points, honorific=honorific
    )
    if q is None:
        return None
    return attrs.evolve(q, other_party=other_party)


def _raw_allowed(pats: _Patterns, verb: str) -> frozenset[str]:
    return pats.complements.get(verb, frozenset())


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
            and words[i - 1].group() not in ("بن", "ال", "ابو", "عبد")
        ):
            if head in lex.title_words:
                continue
            return _Complement("prep", w.start(), w.start(), "")
    return None


def _same_sentence(cuts: Sequence[int], a: int, b: int) -> bool:
    return _next_cut(cuts, a) >= b


def _main_subject(text: str, cuts: Sequence[int], at: int, b0: int) -> NP | None:
    """The subject of the sentence a participle follows: «ونشرت إيران ...، قائلة» → «إيران»."""
    k = bisect_left(cuts, at) - 1
    start = cuts[k] + 1 if k >= 0 and cuts[k] >= b0 else b0
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
    if j >= len(toks):
        return None
    # the verb, then its subject
    if j + 1 >= len(toks):
        return None
    np = read_np(text, toks[j + 1].start(), at, strict=True)
    if np is None or _is_nonspeaker(np):
        return None
    return np


def _finish(
    text: str,
    comp: _Complement,
    cue: tuple[int, int] | None,
    np: NP | None,
    gender: Gender | None,
    number: Number | None,
    b1: int,
    pairs: Sequence[MarkPair],
    opens: Sequence[int],
    cuts: Sequence[int],
    cut_points: Sequence[int],
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
    pair = _pair_at(pairs, opens, content)
    if pair is not None and pair.words >= 1:
        close = pair.close if pair.close is not None else b1
        start, end = _trim(text, pair.open + 1, close)
        if pair.words >= 3 or comp.kind in ("colon", "quote"):
            # the content is the words in the marks; a colon after them is part of nothing
            if end <= start:
                return None
            return RawQuote(
                kind="direct",
                start=start,
                end=end,
                cue=cue,
                speaker=np,
                gender=gender,
                number=number,
                passive=passive,
                honorific=honorific,
            )
    if comp.kind == "quote":
        return None
    end = _content_end(text, content, cuts, cut_points, b1)
    start, end = _trim(text, content, end)
    if end <= start or not _WORD.search(text, start, end):
        return None
    if comp.kind == "colon":
        kind = "direct"
    else:
        # a clause that carries the speaker's own words in marks (more than two) is direct
        k = bisect_left(opens, start)
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
_AFTER_QUOTE: Final = regex.compile(r"[\s،,.]*(?:[-–—]\s*)?")


def _orphan_pair(
    text: str,
    p: MarkPair,
    close: int,
    b0: int,
    b1: int,
    role: str,
    pats: _Patterns,
    block_quotes: Sequence[RawQuote],
    out: Sequence[RawQuote],
    continued: int | None,
) -> RawQuote | None:
    start, end = _trim(text, p.open + 1, close)
    if end <= start:
        return None
    # the speaker after the quote
    after = _AFTER_QUOTE.match(text, close + 1 if p.close is not None else close, b1)
    pos = after.end() if after is not None else close
    vm = pats.verb.match(text, pos, b1)
    if vm is not None:
        form = pats.forms.get(vm.group("verb"))
        if form is not None and not form.participle:
            np = read_np(text, vm.end(), b1)
            if np is not None and not _is_nonspeaker(np):
                tail = _COMPLEMENT.match(text, np.end, b1)
                if tail is None or tail.lastgroup not in ("clause", "colon", "quote", "suffix"):
                    return RawQuote(
                        kind="direct",
                        start=start,
                        end=end,
                        cue=(vm.start(), vm.end()),
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


def _headline_colon(text: str, b0: int, b1: int) -> RawQuote | None:
    m = _HEAD_COLON.match(text, b0, b1)
    if m is None:
        return None
    left = m.group(1)
    if len(left.split()) > 7 or "/" in left:
        return None
    np = read_np(text, m.start(1), m.end(1))
    if np is None or _is_nonspeaker(np):
        return None
    if text[np.end : m.end(1)].strip() and not regex.match(r"\s*(?:لل|ل)", text[np.end : m.end(1)]):
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


@functools.cache
def _title_pattern() -> regex.Pattern[str]:
    lex = lexicon()
    # A titled name anywhere: «صاحب السمو الشيخ محمد», «الدكتور علي» (conventions §3.1).
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?:{_alternation(sorted(lex.titles))})(?![\p{{L}}\p{{M}}])"
    )


# The first words of a sentence: «وامتنعت إيران عن ...», «واستقبل سمو الأمير ...».
_SENTENCE_START: Final = regex.compile(
    r"(?:^|(?<=[.!؟?]\s)|(?<=\n))\s*[\p{L}]+\s+", regex.MULTILINE
)


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
    lex = lexicon()
    found: dict[int, NP] = {}
    for b0, b1, role in blocks:
        if role == "dateline":
            continue
        last_end = b0
        for m in _title_pattern().finditer(text, b0, b1):
            if m.start() < last_end:
                continue
            np = read_np(text, m.start(), b1, strict=True)
            if np is not None:
                found[np.start] = np
                last_end = np.end
        for m in _SENTENCE_START.finditer(text, b0, b1):
            np = read_np(text, m.end(), b1, strict=True)
            if np is None or np.start in found:
                continue
            words = name_words(np.text) or np.text.split()
            head = words[0] if words else ""
            if head in lex.nonspeakers or head in lex.stops or head in cue_patterns().forms:
                continue
            known = (
                head in lex.organizations
                or head in lex.roles
                or head in lex.anonymous
                or head in lex.agencies
                or (not head.startswith("ال") and len(words) <= 4)
            )
            if known:
                found[np.start] = np
    return [found[k] for k in sorted(found)]
