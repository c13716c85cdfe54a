"""Sources: speaker noun phrases, their kind, and one :class:`~arnews.model.Source` per entity.

Three jobs, shared by :mod:`arnews.detect.quotes` and :mod:`arnews.detect.attributions`:

- **reading a speaker noun phrase** in the folded text (conventions §3): titles and
  honorifics (صاحب السمو الملكي الأمير، معالي، الدكتور), name chains (بن، آل، أبو، عبد), roles
  («وزير الدفاع السعودي», «المتحدث باسم وزارة الخارجية»), and where the phrase ends (a
  complementizer, a preposition, a time word, a relative pronoun, a comma, a dash, a recipient
  «لـ"عكاظ"»);
- **classifying** a phrase as ``person``, ``official``, ``organization``, ``agency``,
  ``media``, ``anonymous``, ``document`` or ``unknown`` from the word lists in ``arnews/data``;
- **linking** (the assemble step): every mention becomes one ``Source`` per entity (the same
  minister quoted five times is one source; «نتنياهو» joins «رئيس الوزراء الإسرائيلي بنيامين
  نتنياهو»), and pronoun speakers («وأضاف», «وأشاروا», «وقال سموه») are resolved to the
  earlier mention they agree with (conventions §2.4: gender first, then recency; a feminine
  singular verb may refer to an institution or a non-human plural; a plural verb needs a human
  plural).

>>> from arnews.text.fold import fold
>>> text = fold("وقال وزير الدفاع السعودي إن الزيارة ناجحة").text
>>> np = read_np(text, 5, len(text))
>>> text[np.start:np.end], source_kind(text[np.start:np.end])
('وزير الدفاع السعودي', 'official')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Final, Literal, TypeAlias

import attrs
import regex

from arnews import data
from arnews._slots import slot_setters
from arnews.model import Attribution, Quote, QuoteKind, Source, SourceKind, Span
from arnews.text.fold import Folded, fold

if TYPE_CHECKING:
    from arnews.detect.attributions import RawAttribution as RawAttributionLike
    from arnews.detect.quotes import RawQuote as RawQuoteLike

__all__ = [
    "NP",
    "Gender",
    "Lexicon",
    "Number",
    "institution_head",
    "lexicon",
    "link",
    "name_words",
    "noun_features",
    "read_np",
    "source_kind",
    "tokens",
]

Gender: TypeAlias = Literal["m", "f"]
Number: TypeAlias = Literal["sg", "du", "pl"]

# A word of the folded text (letters, marks, digits, and the dot of «د.»), or one other
# non-space character (punctuation and quote marks are tokens of their own).
TOKEN: Final = regex.compile(r"[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]")
# Quote marks as tokens: « » “ ” „ " ‘ ’.
QUOTE_MARK: Final = regex.compile(r"[«»“”„‟\"‘’‹›]")
# The longest speaker phrase read, in words: «صاحب السمو الملكي الأمير خالد بن سلمان بن
# عبدالعزيز وزير الدفاع» is 10.
_NP_MAX_WORDS: Final = 12
# How far a speaker phrase is looked for, in characters.
_NP_WINDOW: Final = 220


def _folded_set(*names: str) -> frozenset[str]:
    return frozenset(fold(v).text for name in names for v in data.words(name))


class Lexicon:
    """The folded word lists a speaker phrase is read and classified with (a plain class: a
    native class once compiled, its lists read without a lookup; built once by
    :func:`lexicon`, never changed)."""

    __slots__ = (
        "agencies",
        "anonymous",
        "documents",
        "honorific_pronouns",
        "media",
        "nonspeakers",
        "organizations",
        "roles",
        "stops",
        "title_words",
        "titles",
    )

    def __init__(
        self,
        *,
        titles: frozenset[str],
        title_words: frozenset[str],
        roles: frozenset[str],
        anonymous: frozenset[str],
        documents: frozenset[str],
        organizations: frozenset[str],
        agencies: frozenset[str],
        media: frozenset[str],
        stops: frozenset[str],
        nonspeakers: frozenset[str],
        honorific_pronouns: dict[str, frozenset[str]],
    ) -> None:
        self.titles: frozenset[str] = titles
        self.title_words: frozenset[str] = title_words
        self.roles: frozenset[str] = roles
        self.anonymous: frozenset[str] = anonymous
        self.documents: frozenset[str] = documents
        self.organizations: frozenset[str] = organizations
        self.agencies: frozenset[str] = agencies
        self.media: frozenset[str] = media
        self.stops: frozenset[str] = stops
        self.nonspeakers: frozenset[str] = nonspeakers
        self.honorific_pronouns: dict[str, frozenset[str]] = honorific_pronouns


@functools.cache
def lexicon() -> Lexicon:
    """The word lists, folded, loaded once.

    Returns:
        The :class:`Lexicon`.

    >>> "وزير" in lexicon().roles
    True
    """
    titles = _folded_set("quotes_titles")
    honor = {
        fold(entry[0]).text: frozenset(fold(v).text for v in entry[1:])
        for entry in data.entries("quotes_honorific_pronouns")
    }
    return Lexicon(
        titles=titles,
        title_words=frozenset(w for t in titles for w in t.split()),
        roles=_folded_set("sources_roles"),
        anonymous=_folded_set("sources_anonymous"),
        documents=_folded_set("sources_documents"),
        organizations=_folded_set("sources_organizations"),
        agencies=_folded_set("agencies"),
        media=_folded_set("media"),
        stops=_folded_set("sources_np_stops"),
        nonspeakers=_folded_set("quotes_nonspeakers"),
        honorific_pronouns=honor,
    )


class NP:
    """A speaker noun phrase read in the folded text: ``[start, end)`` folded offsets.

    A frozen record (a plain class: a native class once compiled, about twelve are read per
    article and their fields read everywhere without a lookup): equal by value, hashable,
    and setting a field raises :class:`attrs.exceptions.FrozenInstanceError`.
    """

    __slots__ = ("end", "start", "text")

    def __init__(self, *, start: int, end: int, text: str) -> None:
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text

    def __setattr__(self, name: str, value: object) -> None:
        # (compiled, __init__ sets the fields directly; pure Python, through here, once)
        if hasattr(self, name):
            raise attrs.exceptions.FrozenInstanceError
        object.__setattr__(self, name, value)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NP):
            return NotImplemented
        return self.start == other.start and self.end == other.end and self.text == other.text

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.text))

    def __repr__(self) -> str:
        return f"NP(start={self.start!r}, end={self.end!r}, text={self.text!r})"


# Words that may follow «في» / «بـ» inside a phrase headed by an anonymous or role noun
# («مسؤول في الحكومة», «عضو في مجلس النواب»), unless they name a circumstance
# («في بيان», «في تصريح»): conventions §3.5 rule 2.
_CIRCUMSTANCE: Final = frozenset(
    fold(w).text
    for w in [
        "بيان",
        "تصريح",
        "تصريحات",
        "حديث",
        "كلمة",
        "كلمته",
        "كلمتها",
        "مؤتمر",
        "لقاء",
        "مقابلة",
        "رسالة",
        "تغريدة",
        "اتصال",
        "ختام",
        "افتتاح",
        "حوار",
        "ندوة",
        "جلسة",
        "تصريحه",
        "تصريحها",
        "بيانه",
        "بيانها",
        "حين",
        "وقت",
        "الوقت",
        "ذات",
        "نفس",
        "أعقاب",
        "إطار",
        "سياق",
        "معرض",
        "رد",
        "رده",
        "ردها",
        "تعليق",
        "تعليقه",
        "منشور",
        "تدوينة",
        "لقائه",
        "لقائها",
        "مداخلة",
        "اجتماع",
        "الاجتماع",
        "مؤتمره",
        "كلمات",
        "بيانات",
        "تصريحاته",
        "حينه",
    ]
)
# Name-chain links (conventions §3.4): «خالد بن سلمان», «آل نهيان», «أبو مازن», «عبد الله».
_CHAIN: Final = frozenset({"بن", "ابن", "بنت", "ال", "ابو", "ابي", "ابا", "عبد", "ام"})


def _is_recipient(word: str, nxt: str | None) -> bool:
    # A recipient «لرويترز», «للصحفيين», «لـ"عكاظ"», «لوكالة» (conventions §3.5 rule 6).
    if word in ("ل", "لـ"):
        return True
    if word.startswith("لل"):
        return True
    if word.startswith("ل") and len(word) > 2:
        rest = word[1:]
        lex = lexicon()
        if rest in lex.agencies or rest in lex.media:
            return True
        if rest in ("وكاله", "صحيفه", "قناه", "موقع", "شبكه", "جريده", "مجله", "وسائل", "تلفزيون"):
            return True
    return False


@functools.cache
def _quantifiers() -> frozenset[str]:
    """Quantifier heads («عدد من الدول»): ``sources_quantifiers.txt``."""
    return _folded_set("sources_quantifiers")


def quantifier_head(word: str) -> bool:
    """Whether a folded word is a quantifier head of a speaker phrase.

    Args:
        word: a folded word.

    Returns:
        ``True`` for «عدد», «بعض», «مجموعه» ... (``sources_quantifiers.txt``).

    >>> quantifier_head("عدد"), quantifier_head("الوزير")
    (True, False)
    """
    return word in _quantifiers()


@functools.cache
def _outlet_pairs() -> frozenset[tuple[str, str]]:
    """The first two words of the agency and outlet names of several words («بي بي سي»)."""
    lex = lexicon()
    return frozenset(
        (parts[0], parts[1]) for name in lex.agencies | lex.media if len(parts := name.split()) > 1
    )


def _outlet_after(word: str, nxt: tuple[int, int, str] | None) -> bool:
    """A recipient in ل before an outlet of several words: «وتقول هيفاء لبي بي سي»."""
    return nxt is not None and len(word) > 1 and (word[1:], nxt[2]) in _outlet_pairs()


# Punctuation glued to a word, each a token of its own: «الوزير،», «"الأناضول"», «(كونا)».
_EDGE_PUNCT: Final = ".,،:;؛!?؟()[]{}«»“”„‟\"‘’'-–—/…"
_QUOTE_CHARS: Final = frozenset('«»“”„‟"‘’‹›')


def _is_hashtag(word: str) -> bool:
    """A hashtag name: «#محمود_عباس», «#موسكو» (one token, a name)."""
    return len(word) > 1 and word[0] == "#" and word[1:].replace("_", "").isalnum()


# The Arabic letters ؠ..ي (tatweel among them, a modifier letter): code points every check
# of a letter meets first (two ``Final`` ints: compiled, constants in the code).
_ARABIC_FIRST: Final = 0x620
_ARABIC_LAST: Final = 0x64A


def white_space(c: int) -> bool:
    """Whether the code point ``c`` is white space to the ``regex`` module's ``\\s``: the
    Unicode White_Space characters (``str.isspace`` without the separators U+001C-U+001F)."""
    if c < 0x80:
        return c == 0x20 or 0x09 <= c <= 0x0D
    if c < 0x1680:
        return c == 0x85 or c == 0xA0
    return (
        c == 0x1680
        or 0x2000 <= c <= 0x200A
        or c == 0x2028
        or c == 0x2029
        or c == 0x202F
        or c == 0x205F
        or c == 0x3000
    )


def _split_space(c: int) -> bool:
    """Whether the code point ``c`` is white space to ``str.split`` (``str.isspace``)."""
    return white_space(c) or 0x1C <= c <= 0x1F


class _Tokens:
    """The tokens of ``text[pos:end]``, read on demand into :attr:`toks` (a phrase is a few
    words long): the whitespace-separated pieces (those of ``str.split``) are read one at a
    time from the code points (no chunk of the text split, no piece searched for again),
    and each piece becomes tokens only when the reader gets to it; a piece that is not all
    letters and digits («الوزير،», «"الأناضول"») is cut with :data:`TOKEN`. With ``cut``,
    the last piece before ``end`` may be cut by the window and is dropped. (A plain class: a
    native class once compiled, its state read and written without a lookup.)"""

    __slots__ = ("cur", "cut", "end", "text", "toks")

    def __init__(self, text: str, pos: int, end: int, cut: bool) -> None:
        self.text = text
        self.cur = pos  # where the next piece is looked for
        self.end = end
        self.cut = cut
        self.toks: list[tuple[int, int, str]] = []  # the tokens read so far

    def has(self, i: int) -> bool:
        """Whether token ``i`` exists, reading on as needed."""
        toks = self.toks
        while len(toks) <= i:
            if not self.more():
                return False
        return True

    def more(self) -> bool:
        """Read the tokens of the next piece into :attr:`toks`; ``False`` when none is left
        (every piece has a token: it has no spaces)."""
        text = self.text
        end = self.end
        a = self.cur
        while a < end and _split_space(ord(text[a])):
            a += 1
        b = a
        while b < end:
            c = ord(text[b])
            if not (_ARABIC_FIRST <= c <= _ARABIC_LAST) and _split_space(c):
                break
            b += 1
        nxt = b
        while nxt < end and _split_space(ord(text[nxt])):
            nxt += 1
        self.cur = nxt
        if a == b or (nxt == end and self.cut):
            self.cur = end
            return False  # nothing left, or the last piece, which the window may cut
        piece = text[a:b]
        toks = self.toks
        if piece.isalnum():
            toks.append((a, b, piece))
            return True
        core = piece.strip(_EDGE_PUNCT)
        if core.isalnum() or _is_hashtag(core):
            # «الوزير،», «"الأناضول"»: a word with marks around it; «#محمود_عباس»
            lead = piece.index(core)
            for k in range(lead):
                toks.append((a + k, a + k + 1, piece[k]))
            toks.append((a + lead, a + lead + len(core), core))
            for k in range(lead + len(core), b - a):
                toks.append((a + k, a + k + 1, piece[k]))
        else:
            for m in TOKEN.finditer(text, a, b):
                toks.append((m.start(), m.end(), m.group()))
        return True


# What makes :class:`_Tokens` differ from :data:`TOKEN`: a hashtag (one token there) and
# the separators ``str.split`` takes for spaces (\x1c-\x1f).
_NOT_SPLIT_LIKE: Final = re.compile(r"[#\x1c-\x1f]")


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The tokens of ``text[start:end]`` as :data:`TOKEN` finds them, ``(start, end, token)``.

    The pieces between spaces come from ``str.split`` (cheaper than a regex scan) unless the
    stretch holds a «#» or a control separator.

    Args:
        text: the folded text.
        start: where the stretch starts.
        end: where it ends.

    Returns:
        The tokens in order.

    >>> tokens("قال الوزير، إن", 0, 14)
    [(0, 3, 'قال'), (4, 10, 'الوزير'), (10, 11, '،'), (12, 14, 'إن')]
    """
    if _NOT_SPLIT_LIKE.search(text, start, end) is not None:
        return [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    reader = _Tokens(text, start, end, False)
    while reader.more():
        pass
    return reader.toks


_INSTITUTION_HEADS: Final = frozenset(
    {"الوكاله", "الصحيفه", "القناه", "الشبكه", "الجريده", "المجله", "الموقع", "التلفزيون"}
)


def institution_head(head: str) -> bool:
    """A definite head naming an institution, an outlet or a document, never a person
    («الوكالة», «الوزارة», «البيان»): no proper name follows it without a mark or a comma."""
    lex = lexicon()
    return (
        head in _INSTITUTION_HEADS
        or head in lex.organizations
        or head in lex.documents
        or head in _FEMININE_PLURALS
    )


# A verb joined by «و» after a comma («الفريق، ويضيف»): a new clause, not a name.
_CONJOINED_VERB: Final = regex.compile(r"^و[يتان]")

# What :func:`read_np` needs to know of a word, as bits of one flag (one dict lookup per word
# instead of a set lookup per question).
_F_QUOTE: Final = 1  # a quote mark
_F_STOP: Final = 2  # a stop word that is no name-chain link
_F_CHAIN: Final = 4  # a name-chain link
_F_ROLE: Final = 8
_F_TITLE: Final = 16  # a whole title
_F_TITLE_WORD: Final = 32  # a word of a title
_F_ANONYMOUS: Final = 64
_F_QUANTIFIER: Final = 128
_F_HONORIFIC: Final = 256  # an honorific pronoun («سموه»)
_F_INSTITUTION: Final = 512  # :func:`institution_head`
_F_CIRCUMSTANCE: Final = 1024
_F_STOPS: Final = 2048  # any stop word


@functools.cache
def _np_flags() -> dict[str, int]:
    """The :func:`read_np` flags of every word any of its word lists holds."""
    lex = lexicon()
    flags: dict[str, int] = {}
    groups: list[tuple[Iterable[str], int]] = [
        (_QUOTE_CHARS, _F_QUOTE),
        (lex.stops - _CHAIN, _F_STOP),
        (_CHAIN, _F_CHAIN),
        (lex.roles, _F_ROLE),
        (lex.titles, _F_TITLE),
        (lex.title_words, _F_TITLE_WORD),
        (lex.anonymous, _F_ANONYMOUS),
        (_quantifiers(), _F_QUANTIFIER),
        (lex.honorific_pronouns, _F_HONORIFIC),
        (
            _INSTITUTION_HEADS | lex.organizations | lex.documents | _FEMININE_PLURALS,
            _F_INSTITUTION,
        ),
        (_CIRCUMSTANCE, _F_CIRCUMSTANCE),
        (lex.stops, _F_STOPS),
    ]
    for words, bit in groups:
        for w in words:
            flags[w] = flags.get(w, 0) | bit
    return flags


def _alpha_first(word: str, c: int) -> bool:
    """``word[0].isalpha()``, ``c`` being its code point: the Arabic letters ؠ..ي and the ASCII
    letters are told by the number (no one-character string made, no method call)."""
    if _ARABIC_FIRST <= c <= _ARABIC_LAST or 0x61 <= c <= 0x7A or 0x41 <= c <= 0x5A:
        return True
    return c >= 0x80 and word[0].isalpha()


def read_np(text: str, pos: int, limit: int, *, strict: bool = False) -> NP | None:
    """Read a speaker noun phrase starting at folded offset ``pos``.

    The phrase takes titles, name chains, roles with their complements and nationality
    adjectives, and a short name in quote marks (وكالة "الأناضول"); it stops at the first
    complementizer, preposition, time word, relative pronoun, comma, dash, colon, recipient
    or long quote (conventions §3.5).

    Args:
        text: the folded text.
        pos: where the phrase may start (spaces are skipped).
        limit: where it must end at the latest (the end of the block).
        strict: for the subject of a verb that is not a speech verb: stop at the first
            indefinite word after a proper name («ونشرت إيران مئات الجنود» → «إيران»).

    Returns:
        The phrase, or ``None`` when no phrase starts there.

    >>> text = fold("قال مسؤولون أمريكيون إنه").text
    >>> read_np(text, 4, len(text)).text
    'مسؤولون امريكيون'
    """
    flags = _np_flags()
    # the tokens of the window, read on demand
    wend = pos + _NP_WINDOW
    reader = _Tokens(text, pos, limit if limit < wend else wend, wend < limit)
    toks = reader.toks  # grows as the reader reads on
    start: int | None = None
    end = pos
    words = 0
    prev = ""
    # the flags of the previous word and of the head, and whether the head is a definite
    # institution (:func:`institution_head`)
    pf = hf = flags.get("", 0)
    head_institution = False
    i = 0
    while words < _NP_MAX_WORDS:
        if i >= len(toks) and not reader.more():  # (i is at most one past the tokens read)
            break
        a, b, w = toks[i]
        f = flags.get(w, 0)
        c = ord(w[0])  # its first character
        if f & _F_QUOTE:
            # a short name in marks inside the phrase: وكالة "الأناضول", صحيفة «هآرتس»
            j = i + 1
            inner = 0
            while (
                (j < len(toks) or reader.has(j)) and toks[j][2] not in _QUOTE_CHARS and inner <= 4
            ):
                inner += 1
                j += 1
            if start is None or not (j < len(toks) or reader.has(j)) or inner == 0 or inner > 3:
                break
            end = toks[j][1]
            words += inner
            i = j + 1
            prev = toks[j - 1][2]
            pf = flags.get(prev, 0)
            continue
        if not _alpha_first(w, c) and (c != 0x23 or not _is_hashtag(w)):  # (0x23: «#»)
            if w == "." and prev in ("د", "م", "ا") and start is not None:
                end = b
                i += 1
                continue
            if (w == "،" or w == ",") and start is not None and not pf & _F_ROLE:
                # «شون تاندون، رئيس جمعية ...»: a comma and a role go on as an apposition
                nxt_tok = toks[i + 1] if reader.has(i + 1) else None
                nf = flags.get(nxt_tok[2], 0) if nxt_tok is not None else 0
                if nf & _F_ROLE and words < _NP_MAX_WORDS - 2:
                    i += 1
                    continue
                # «الأستاذ، جوشوا غودمان،»: a lone title, a comma and the name it introduces
                if (
                    words == 1
                    and hf & (_F_TITLE_WORD | _F_ROLE)
                    and nxt_tok is not None
                    and _name_like(nxt_tok[2])
                    and nxt_tok[2][0].isalpha()
                    and not nf & (_F_STOPS | _F_TITLE_WORD)
                    and not _CONJOINED_VERB.match(nxt_tok[2])
                ):
                    i += 1
                    continue
            break
        if f & _F_STOP:
            if (
                (w == "في" or w == "من")
                and start is not None
                and hf & (_F_ANONYMOUS | _F_ROLE | _F_QUANTIFIER)
            ):
                nxt = toks[i + 1][2] if reader.has(i + 1) else None
                if nxt is None or flags.get(nxt, 0) & (_F_CIRCUMSTANCE | _F_STOPS):
                    break
            else:
                break
        recipient = c == 0x644 and (  # «ل»
            _is_recipient(w, None) or _outlet_after(w, toks[i + 1] if reader.has(i + 1) else None)
        )
        if start is not None:
            if recipient:
                break
            if c == 0x648 and (w.startswith("وال") or pf & _F_CHAIN):  # «و»
                break
            if c == 0x628 and w.startswith("بال") and not hf & (_F_ANONYMOUS | _F_ROLE):  # «ب»
                break
            if (
                head_institution
                and not w.startswith("ال")
                and c != 0x644  # «ل»: «التحالف العربي لدعم الشرعية»
                and not (f | pf) & _F_CHAIN
                and not f & _F_ROLE
            ):
                break  # «ونقلت الوكالة أنباء ...»: after a definite institution, an indefinite
                # word is no adjective (they agree in definiteness): the object starts there
            if (
                strict
                and not w.startswith("ال")
                and not hf & (_F_TITLE | _F_TITLE_WORD | _F_ROLE)
                and not (pf | f) & _F_CHAIN
                and not f & _F_ROLE  # «الأمير خالد بن سلمان وزير الدفاع»
            ):
                break
        elif recipient or f & _F_HONORIFIC:
            return None
        if start is None:
            start = a
            hf = f
            head_institution = f & _F_INSTITUTION != 0 and w.startswith("ال")
        elif hf & pf & _F_TITLE_WORD:
            # «صاحب السمو الملكي الأمير خالد»: the head is the name
            hf = f
            head_institution = f & _F_INSTITUTION != 0 and w.startswith("ال")
        end = b
        words += 1
        prev = w
        pf = f
        i += 1
    if start is None:
        return None
    return NP(start=start, end=end, text=text[start:end])


# A word of a name.
_NAME_WORD: Final = regex.compile(r"[\p{L}\p{N}]+")


def name_words(name: str) -> list[str]:
    """The words of a folded name that identify it: titles and honorifics dropped.

    >>> name_words(fold("صاحب السمو الملكي الأمير خالد بن سلمان").text)
    ['خالد', 'بن', 'سلمان']
    """
    return _strip_titles(_all_words(name))


def _all_words(name: str) -> list[str]:
    """The runs of letters and digits of ``name`` (``str.split`` first: most pieces are
    whole words, and a regex scan costs more)."""
    words: list[str] = []
    for piece in name.split():
        if piece.isalnum():
            words.append(piece)
        else:
            words.extend(_NAME_WORD.findall(piece))
    return words


def _strip_titles(words: list[str]) -> list[str]:
    lex = lexicon()
    if not words or words[0] not in lex.title_words:
        return words  # no title: every title is made of title words
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            if " ".join(words[i : i + size]) in lex.titles:
                i += size
                break
        else:
            break
    return words[i:]


def _head(name: str) -> str:
    words = name_words(name)
    return words[0] if words else ""


def source_kind(name: str) -> SourceKind:
    """The kind of source a folded noun phrase names.

    Args:
        name: a folded phrase («وزاره الخارجيه», «مصادر مطلعه»).

    Returns:
        One of the :data:`~arnews.model.SourceKind` values.

    >>> [source_kind(fold(x).text) for x in ("مصادر مطلعة", "وكالة رويترز", "البيان")]
    ['anonymous', 'agency', 'document']
    """
    every = _all_words(name)
    return _kind_of(name, every, _strip_titles(every))


def _kind_of(name: str, every: list[str], words: list[str]) -> SourceKind:
    """:func:`source_kind`, given the words of ``name`` (``every``) and those left after its
    titles (``words``, :func:`name_words`)."""
    lex = lexicon()
    if not words:
        return "person" if name.split() and name.split()[0] in lex.title_words else "unknown"
    joined = " ".join(words)
    head = words[0]
    if head == "وكاله" or joined in lex.agencies:
        return "agency"
    if len(words) == 1 and head in lex.documents:
        return "document"
    if joined in lex.media or head in ("صحيفه", "قناه", "شبكه", "جريده", "مجله", "موقع", "تلفزيون"):
        return "media"
    if head in ("تقارير", "وسائل"):
        return "media" if len(words) > 1 and words[1] not in ("اعلاميه",) else "anonymous"
    if head in lex.anonymous:
        return "anonymous"
    if head in lex.documents or " ".join(words[:2]) in lex.documents:
        return "document"
    if head in lex.organizations or " ".join(words[:2]) in lex.organizations:
        return "organization"
    titled = len(words) < len(every)
    if head in lex.roles or " ".join(words[:2]) in lex.roles:
        # a role with a proper name after it is a person: «وزير الخارجية انتوني بلينكن»
        tail = [w for w in words[1:] if not w.startswith("ال") and w not in _CHAIN]
        return "person" if tail and not any(w in lex.stops for w in tail) else "official"
    if titled:
        return "person"
    if head.startswith("ال"):
        return "organization" if len(words) <= 3 else "unknown"
    return "person"


# Feminine nouns that do not end in ة, and non-human plurals that take a feminine verb.
_FEMININE_PLURALS: Final = frozenset(
    fold(w).text
    for w in [
        "مصادر",
        "المصادر",
        "تقارير",
        "التقارير",
        "وسائل",
        "السلطات",
        "سلطات",
        "القوات",
        "قوات",
        "الجهات",
        "جهات",
        "الأجهزة",
        "الدول",
        "دول",
        "إسرائيل",
        "إيران",
        "مصر",
        "سوريا",
        "تركيا",
        "روسيا",
        "فرنسا",
        "بريطانيا",
        "ألمانيا",
        "أمريكا",
        "أميركا",
        "واشنطن",
        "طهران",
        "موسكو",
        "بكين",
        "دمشق",
        "القاهرة",
        "أنقرة",
        "الرياض",
        "باريس",
        "لندن",
        "برلين",
        "بغداد",
    ]
)


def noun_features(name: str) -> tuple[Gender, Number, bool]:
    """Gender, number and humanness of a folded noun phrase, from its head word.

    Returns:
        ``(gender, number, human)``: ``("f", "sg", False)`` for «الوزاره» and for
        non-human plurals («المصادر»), which take a feminine singular verb.

    >>> noun_features(fold("مسؤولون أمريكيون").text)
    ('m', 'pl', True)
    """
    every = _all_words(name)
    return _noun_features(name, every, _strip_titles(every))


def _noun_features(name: str, every: list[str], stripped: list[str]) -> tuple[Gender, Number, bool]:
    """:func:`noun_features`, given the words of ``name`` (``every``) and those left after its
    titles (``stripped``, :func:`name_words`)."""
    lex = lexicon()
    words = stripped or name.split()
    if not words:
        return ("m", "sg", True)
    head = words[0]
    if head in _FEMININE_PLURALS:
        return ("f", "sg", False)
    if head.endswith(("ون", "يين")) or (head.endswith("ين") and head in lex.anonymous):
        return ("m", "pl", True)
    if head.endswith("ان") and len(head) > 4 and head in lex.anonymous:
        return ("m", "du", True)
    if head.endswith("ه") and head not in ("الله", "عبدالله"):
        human = head in lex.roles or head in lex.title_words
        return ("f", "sg", human)
    kind = _kind_of(name, every, stripped)
    if kind in ("agency", "media"):
        return ("f", "sg", False)  # «وقالت رويترز»: an outlet is a (feminine) institution
    return ("m", "sg", kind in ("person", "official", "anonymous"))


def strip_edges(text: str) -> str:
    """``text`` without surrounding spaces and punctuation (quote marks kept when paired).

    >>> strip_edges("، المصادر ")
    'المصادر'
    """
    return text.strip(" \t\n،,:؛;.-–—")


def sort_key(items: Iterable[tuple[int, int]]) -> Sequence[tuple[int, int]]:
    """Sorted copy of offset pairs (a small helper for the detectors)."""
    return sorted(items)


# --- linking: one Source per entity, pronoun speakers resolved (the assemble step) -----------


class _Entity:
    """One entity: its names as written (first the fullest), folded, their word sets, the
    words of all its names, whether it has a proper name, and (kept up to date as names
    join) its name-like words and the size of its largest word set."""

    __slots__ = ("folded", "keys", "longest", "named", "names", "proper", "words")

    def __init__(
        self,
        written: str,
        folded_name: str,
        key: frozenset[str],
        named: frozenset[str],
        proper: bool,
    ) -> None:
        self.names = [written]
        self.folded = [folded_name]
        self.keys = [key]
        self.words = set(key)
        self.named = set(named)
        self.longest = len(key)
        self.proper = proper


class _Mention:
    """A mention a pronoun may point back to; its features are worked out when first asked
    (most mentions are never candidates)."""

    __slots__ = ("_features", "_span", "entity", "folded", "gender_hint", "np", "number_hint")

    def __init__(
        self,
        folded: Folded,
        entity: int | None,
        np: NP,
        gender: Gender | None,
        number: Number | None,
        span: Span | None = None,
    ) -> None:
        self.folded = folded
        self.entity = entity  # None: nobody has quoted it yet (made an entity on demand)
        self.np = np
        self.gender_hint = gender
        self.number_hint = number
        self._span = span
        self._features: tuple[Gender, Number, bool] | None = None

    @property
    def span(self) -> Span:
        if self._span is None:
            self._span = self.folded.span(self.np.start, self.np.end)
        return self._span

    def features(self, names: _Entities) -> tuple[Gender, Number, bool]:
        """Gender, number and humanness (:func:`noun_features`, from the words ``names``
        worked out for the phrase)."""
        if self._features is None:
            text = self.np.text
            info = names.name(text)
            g, n, human = _noun_features(text, info.every, info.words)
            if self.gender_hint is not None:
                # the verb tells: «وقال الجيش» is masculine, «وقالت الوزارة» feminine
                g = self.gender_hint
                human = human or self.gender_hint == "m"
            if self.number_hint is not None and self.number_hint != "sg":
                n = self.number_hint
            self._features = (g, n, human)
        return self._features


# Common heads of outlet names, no part of the proper name: «وكالة أنباء فارس» and «وكالة
# الأناضول» share «وكالة» but are two agencies.
_OUTLET_WORDS: Final = frozenset(
    {"وكاله", "انباء", "صحيفه", "قناه", "شبكه", "جريده", "مجله", "موقع", "تلفزيون", "اذاعه"}
)


# Words no part of a name besides definite ones: name-chain links and outlet words.
_NOT_NAME_LIKE: Final = _CHAIN | _OUTLET_WORDS


def _name_like(word: str) -> bool:
    return not word.startswith("ال") and word not in _CHAIN and word not in _OUTLET_WORDS


def _is_proper(words: Sequence[str]) -> bool:
    common = _common_words()
    return any(not w.startswith("ال") and w not in common for w in words)


@functools.cache
def _common_words() -> frozenset[str]:
    """Words that are no part of a proper name: roles, anonymous sources, title words,
    name-chain links, documents, organizations and outlet words (one set, one lookup)."""
    lex = lexicon()
    return (
        lex.roles
        | lex.anonymous
        | lex.title_words
        | _CHAIN
        | lex.documents
        | lex.organizations
        | _OUTLET_WORDS
    )


# How far (folded characters) a continuation verb looks back to the quote it continues:
# about two paragraphs.
_CONTINUE_WINDOW: Final = 1200
# The most characters between a quote and an attribution that only relays it («...»، وفق
# ما ذكرت وكالة رويترز).
_TAIL: Final = 15
# A paragraph break.
_BREAK: Final = regex.compile(r"\n+")
# The most characters between a speaker phrase and the name in apposition to it, and what
# may not stand between them (a sentence end, a quote mark, a complementizer).
_APPOSITION: Final = 60
_CLAUSE_BREAK: Final = regex.compile(r"[.!؟?:\n«»“”\"]|\b(?:ان|بان|الي)\b")


@functools.cache
def _speech_forms() -> frozenset[str]:
    """Folded forms of the speech verbs (a mention right after one is a speaker)."""
    # imported here: arnews.detect.quotes imports this module
    from arnews.detect.quotes import cue_patterns

    return frozenset(cue_patterns().forms)


def _paragraphs_between(text: str, a: int, b: int) -> int:
    """How many paragraph breaks (runs of newlines) stand between ``a`` and ``b``."""
    return len(_BREAK.findall(text, a, b))


def _apposition(text: str, end: int, at: int) -> bool:
    """Whether a mention at ``at`` stands in apposition to the phrase ending at ``end``:
    a few words of the same clause between them («وكيل الوزارة لشؤون التصنيف المهندس ...»)."""
    return 0 <= at - end <= _APPOSITION and not _CLAUSE_BREAK.search(text, end, at)


def _after_speech_verb(text: str, at: int, forms: frozenset[str]) -> bool:
    """Whether a speech verb («وقال», «أكد») stands right before ``at``."""
    if at <= 0 or not text[at - 1].isspace():
        return False  # glued to the word before: no verb there
    low = at - 3 if at > 3 else 0
    end = len(text[low:at].rstrip()) + low
    floor = end - 30 if end > 30 else 0
    start = max(text.rfind(" ", floor, end), text.rfind("\n", floor, end)) + 1
    word = text[start if start > floor else floor : end]
    return word in forms or (word[:1] in "وف" and word[1:] in forms)


_LOOKBACK: Final = 400  # mentions a pronoun may look back over


class _Name:
    """What linking needs to know of one folded name, worked out once per name."""

    __slots__ = ("every", "key", "named", "proper", "role", "size", "titled", "words")

    def __init__(self, folded_name: str) -> None:
        every = _all_words(folded_name)
        stripped = _strip_titles(every)
        self.every = every
        self.words = stripped  # :func:`name_words` (do not modify)
        # it opens with a title word (a titled holder may name it: :func:`_titled_holder`)
        self.titled = folded_name.split(" ", 1)[0] in lexicon().title_words
        # the words that identify the name (all of it when its titles are all there is)
        words = stripped or folded_name.split()
        self.size = len(words)  # (a word may come twice: «محمد بن محمد»)
        self.key = frozenset(words)
        # :func:`_name_like` words and :func:`_is_proper`, in one pass
        common = _common_words()
        named = []
        proper = False
        for w in words:
            if not w.startswith("ال"):
                if w not in common:
                    proper = True
                if w not in _NOT_NAME_LIKE:
                    named.append(w)
        self.named = frozenset(named)
        self.proper = proper
        self.role = role_phrase(words) if len(words) > 1 else ""


class _Entities:
    """Mentions grouped into entities: exact name, or a proper name inside a longer one.

    Two indexes keep the cost of a mention independent of the number of entities: the
    names already seen, and the entities that hold each word (every rule below links a
    mention only to an entity that shares a word with it).
    """

    def __init__(self) -> None:
        self.items: list[_Entity] = []
        self._by_key: dict[frozenset[str], int] = {}
        self._by_word: dict[str, set[int]] = {}
        # per folded name: its words, role and the like (read only)
        self._names: dict[str, _Name] = {}

    def name(self, folded_name: str) -> _Name:
        """The :class:`_Name` of a folded name, worked out once per name."""
        info = self._names.get(folded_name)
        if info is None:
            info = self._names[folded_name] = _Name(folded_name)
        return info

    def words_of(self, folded_name: str) -> list[str]:
        """:func:`name_words` of a folded name, worked out once per name (do not modify)."""
        return self.name(folded_name).words

    def kind_of(self, folded_name: str) -> SourceKind:
        """:func:`source_kind` of a folded name, from its words worked out once."""
        info = self.name(folded_name)
        return _kind_of(folded_name, info.every, info.words)

    def _index(self, index: int, key: frozenset[str]) -> None:
        self._by_key.setdefault(key, index)
        by_word = self._by_word
        for w in key:
            held = by_word.get(w)
            if held is None:
                by_word[w] = {index}
            else:
                held.add(index)

    def add(self, written: str, folded_name: str, info: _Name | None = None) -> int:
        """The entity of a name (a new one, or one it names too); ``info`` is its
        :meth:`name` when the caller has it."""
        if info is None:
            info = self.name(folded_name)
        key = info.key
        known = self._by_key.get(key)
        if known is not None:
            return known
        proper = info.proper
        role = info.role
        by_word = self._by_word
        # the entities sharing a word with the name (the words of its role are among its own)
        sharing: set[int] = set()
        for w in key:
            held = by_word.get(w)
            if held is not None:
                sharing |= held
        items = self.items
        for index in sorted(sharing) if len(sharing) > 1 else sharing:
            e = items[index]
            # apposition: «الأمير خالد بن سلمان وزير الدفاع» and «وزير الدفاع السعودي»
            if proper != e.proper:
                if not proper and role and any(role in f for f in e.folded):
                    return self.attach(index, written, folded_name, key, info.named, first=False)
                first_name = self.name(e.folded[0])
                other = first_name.role if proper and first_name.words else ""
                if other and other in folded_name:
                    return self.attach(index, written, folded_name, key, info.named, first=True)
            if not (proper and e.proper):
                continue
            names = info.named
            if names and (names <= e.words or e.named <= key):
                # the longest way of naming it becomes the main name
                longer = info.size > e.longest
                return self.attach(index, written, folded_name, key, names, first=longer)
        items.append(_Entity(written, folded_name, key, info.named, proper))
        self._index(len(items) - 1, key)
        return len(items) - 1

    def attach(
        self,
        index: int,
        written: str,
        folded_name: str,
        key: frozenset[str],
        named: frozenset[str],
        *,
        first: bool,
    ) -> int:
        """Add a name to entity ``index`` (``first``: it becomes the main name)."""
        e = self.items[index]
        if first:
            e.names.insert(0, written)
            e.folded.insert(0, folded_name)
            e.proper = True
        else:
            e.names.append(written)
            e.folded.append(folded_name)
        e.keys.append(key)
        e.words |= key
        e.named |= named
        if len(key) > e.longest:
            e.longest = len(key)
        self._index(index, key)
        return index

    def sources(self) -> list[Source]:
        out = []
        for e in self.items:
            name = e.names[0]
            if len(e.names) == 1:  # most entities: one name
                kind = self.kind_of(e.folded[0])
                role = name if kind == "official" else None
                out.append(_source(name, kind, role, ()))
                continue
            kinds = {n: self.kind_of(f) for n, f in zip(e.names, e.folded, strict=True)}
            aliases = tuple(n for n in kinds if n != name)
            kind = kinds[name]
            role = next((n for n in kinds if kinds[n] == "official"), None)
            if kind == "official" and any(kinds[a] == "person" for a in aliases):
                kind = "person"
            out.append(_source(name, kind, role, aliases))
        return out


def role_phrase(words: Sequence[str]) -> str:
    """The office a phrase names, without the nationality adjective after it: «وزير الدفاع
    السعودي» → «وزير الدفاع» (``""`` when the phrase does not start with a role).

    >>> role_phrase(["وزير", "الدفاع", "السعودي"])
    'وزير الدفاع'
    """
    if len(words) < 2 or words[0] not in lexicon().roles:
        return ""
    kept = list(words)
    while len(kept) > 2 and kept[-1].startswith("ال") and kept[-1].endswith(("ي", "يه")):
        kept.pop()
    if kept[-1].startswith("ال") and kept[-1].endswith(("ي", "يه")) and len(kept) == 2:
        return ""  # «المسؤول الأمريكي»: no office left
    return " ".join(kept)


def _titled_holder(np: NP, history: Sequence[_Mention], upto: int) -> _Mention | None:
    """The last earlier mention (of the 40 before ``history[upto]``) that gives a name to a
    title followed only by a nationality adjective: «اللاعب الفرنسي» → «اللاعب أبيدال»
    (``None`` when there is none)."""
    name = np.text
    if name.split(" ", 1)[0] not in lexicon().title_words:
        return None  # most phrases: no title first
    recent = history[max(0, upto - 40) : upto]
    words = _all_words(name)
    rest = _strip_titles(words)
    if not rest or len(rest) == len(words) or len(rest) > 2:
        return None
    if not all(w.startswith("ال") and w.endswith(("ي", "يه")) for w in rest):
        return None
    titles = words[: len(words) - len(rest)]
    stops = lexicon().stops
    for h in reversed(recent):
        other = _all_words(h.np.text)
        named = _strip_titles(other)
        if other[: len(titles)] == titles and len(other) - len(named) == len(titles):
            if h.np.start >= np.start or not named or not _is_proper(named):
                continue
            if all(len(w) > 2 and w not in stops for w in named):
                return h
    return None


def _compatible(
    m: _Mention, gender: Gender | None, number: Number | None, names: _Entities
) -> bool:
    if number not in ("pl", "du") and gender is None:
        return True
    m_gender, m_number, human = m.features(names)
    if number in ("pl", "du"):
        return human and m_number in ("pl", "du")
    if gender == "f":
        return m_gender == "f" or not human
    return m_gender == "m" and m_number == "sg"


class _Linker:
    """The mentions of one article as :func:`link` reads them, and their entities: who a
    speaker phrase is, and who a pronoun points back to. (A plain class: a native class
    once compiled, its methods called directly.)"""

    __slots__ = ("entities", "folded", "history", "picked", "source")

    def __init__(self, folded: Folded) -> None:
        self.folded = folded
        self.source = folded.source
        self.entities = _Entities()
        self.history: list[_Mention] = []
        # the mentions the current quote's speaker resolved to (the last one counts)
        self.picked: list[_Mention] = []

    def mention(self, np: NP, gender: Gender | None, number: Number | None) -> tuple[int, Span]:
        """The entity of a speaker phrase, and where it is; a new mention."""
        span = self.folded.span(np.start, np.end)
        info = self.entities.name(np.text)
        role = info.role if info.words else ""
        history = self.history
        if role:
            # a role named before with its holder («الأمير خالد بن سلمان وزير الدفاع»)
            for h in reversed(history[-40:]):
                if h.entity is None and role in h.np.text and h.np.text != np.text:
                    self.entity_of(h)
                    break
        index = self.add(np, span, len(history), info)
        mention = _Mention(self.folded, index, np, gender, number, span)
        history.append(mention)
        self.picked.append(mention)
        return index, span

    def add(self, np: NP, span: Span, upto: int, info: _Name) -> int:
        """The entity of the phrase of a mention (``info``: its :meth:`_Entities.name`)."""
        entities = self.entities
        holder = _titled_holder(np, self.history, upto) if info.titled else None
        if holder is not None:
            # «اللاعب الفرنسي» after «اللاعب أبيدال»: the same title, the name dropped
            ent, _ = self.entity_of(holder)
            words = frozenset(info.every)
            named = frozenset(w for w in words if _name_like(w))
            return entities.attach(
                ent, self.source[span.start : span.end], np.text, words, named, first=False
            )
        return entities.add(self.source[span.start : span.end], np.text, info)

    def entity_of(self, h: _Mention) -> tuple[int, Span]:
        """The entity of an earlier mention (made now if nobody has quoted it yet)."""
        entity = h.entity
        if entity is None:
            entity = h.entity = self.add(
                h.np, h.span, len(self.history), self.entities.name(h.np.text)
            )
        return entity, h.span

    def pick(self, h: _Mention) -> tuple[int, Span]:
        """:meth:`entity_of` a mention a pronoun resolved to."""
        self.picked.append(h)
        return self.entity_of(h)

    def resolve(
        self,
        gender: Gender | None,
        number: Number | None,
        honorific: str | None,
        skip_last: bool,
    ) -> tuple[int, Span] | None:
        """The entity a pronoun speaker points back to (``None``: no mention yet)."""
        history = self.history
        if not history:
            return None
        # a pronoun looks back over the last mentions only, the latest first: the cost of a
        # pronoun does not grow with the article (an article has far fewer mentions than the
        # window)
        candidates = history[-_LOOKBACK:]
        candidates.reverse()
        if honorific is not None:
            titles = lexicon().honorific_pronouns.get(honorific, frozenset())
            for h in candidates:
                if any(t in h.np.text.split() or h.np.text.startswith(t) for t in titles):
                    return self.pick(h)
            gender, number = ("f", "sg") if honorific.endswith("ها") else ("m", "sg")
        if skip_last and len({c.np.text for c in candidates}) > 1:
            # someone other than the last speaker first («من جهته»)
            said = candidates[0].np.text
            candidates = [c for c in candidates if c.np.text != said] + [
                c for c in candidates if c.np.text == said
            ]
        entities = self.entities
        for h in candidates[:12]:
            if _compatible(h, gender, number, entities):
                return self.pick(h)
        for h in candidates:
            if h.entity is not None:
                return self.pick(h)
        return self.pick(candidates[0])


# --- the records linking builds (a few per article): positional, without the keyword call -----


# (each record's slot setters in field order: the builders below set the fields in that order)
_SOURCE_SET: Final = slot_setters(Source)
_QUOTE_SET: Final = slot_setters(Quote)
_ATTRIBUTION_SET: Final = slot_setters(Attribution)
_new_record: Final = object.__new__


def _source(name: str, kind: SourceKind, role: str | None, aliases: tuple[str, ...]) -> Source:
    """``Source(name=..., kind=..., role=..., aliases=...)`` (``kind``: from :func:`_kind_of`,
    one of the kinds ``Source`` checks for)."""
    record: Source = _new_record(Source)
    set_name, set_kind, set_role, set_aliases = _SOURCE_SET
    set_name(record, name)
    set_kind(record, kind)
    set_role(record, role)
    set_aliases(record, aliases)
    return record


def _quote(
    text: str,
    span: Span,
    kind: QuoteKind,
    speaker: Source | None,
    speaker_span: Span | None,
    cue: str | None,
    cue_span: Span | None,
    pronoun: bool,
) -> Quote:
    """``Quote(text=..., span=..., ...)``, the fields in order (``kind``: a raw quote's, one
    of the kinds ``Quote`` checks for)."""
    record: Quote = _new_record(Quote)
    setters = _QUOTE_SET
    setters[0](record, text)
    setters[1](record, span)
    setters[2](record, kind)
    setters[3](record, speaker)
    setters[4](record, speaker_span)
    setters[5](record, cue)
    setters[6](record, cue_span)
    setters[7](record, pronoun)
    return record


def _attribution(
    text: str, span: Span, source: Source, cue: str, cue_span: Span, claim_span: Span | None
) -> Attribution:
    """``Attribution(text=..., span=..., ...)``, the fields in order."""
    record: Attribution = _new_record(Attribution)
    setters = _ATTRIBUTION_SET
    setters[0](record, text)
    setters[1](record, span)
    setters[2](record, source)
    setters[3](record, cue)
    setters[4](record, cue_span)
    setters[5](record, claim_span)
    return record


def link(
    folded: Folded,
    quotes: Sequence[RawQuoteLike],
    attributions: Sequence[RawAttributionLike],
    mentions: Sequence[NP] = (),
) -> tuple[tuple[Quote, ...], tuple[Attribution, ...], tuple[Source, ...]]:
    """Link raw quotes and attributions to one :class:`~arnews.model.Source` per entity.

    Pronoun speakers are resolved here (conventions §2.4): a participle takes the speaker
    of the quote it follows; an honorific pronoun («سموه») the last mention with that
    title; a verb with no subject the last mention that agrees with it (a plural verb needs a
    human plural; a feminine singular verb also fits an institution or a non-human plural);
    when nothing agrees, the last speaker.

    Args:
        folded: the folded view the offsets refer to.
        quotes: from :func:`arnews.detect.quotes.detect_quotes`.
        attributions: from :func:`arnews.detect.attributions.detect_attributions`.
        mentions: other entities a pronoun may point back to
            (:func:`arnews.detect.quotes.detect_mentions`).

    Returns:
        ``(quotes, attributions, sources)`` with spans into ``folded.source``.

    >>> from arnews.detect.quotes import detect_quotes
    >>> f = fold("قال مسؤولون إن الوضع صعب. وأضافوا أن الحل قريب.")
    >>> qs, _, srcs = link(f, detect_quotes(f), [])
    >>> [q.speaker.name for q in qs], len(srcs)
    (['مسؤولون', 'مسؤولون'], 1)
    """
    src = folded.source
    linker = _Linker(folded)
    entities = linker.entities
    history = linker.history
    picked = linker.picked  # the mentions the current quote's speaker resolved to
    # (offset, 0 quote / 1 attribution / 2 mention, index): plain ints, sorted as they are
    events = [(q.start, 0, i) for i, q in enumerate(quotes)]
    events += [(a.cue[0], 1, i) for i, a in enumerate(attributions)]
    events += [(np.start, 2, i) for i, np in enumerate(mentions)]
    events.sort()
    quote_speaker: dict[int, tuple[int, Span] | None] = {}
    resolved_quotes: dict[int, tuple[RawQuoteLike, bool]] = {}
    resolved_attrs: list[tuple[int, RawAttributionLike, Span]] = []

    forms = _speech_forms()
    last_end = 0  # where the last quote ends
    spoken_end = 0  # where the last subject of a speech verb ends (0: not just before)
    quote_mention: dict[int, _Mention] = {}
    last_quote: tuple[int, _Mention] | None = None  # the last quote with a speaker

    for _, what, i in events:
        if what == 0:
            q = quotes[i]
            who: tuple[int, Span] | None
            pronoun = False
            if q.passive:
                who = None
            elif q.speaker is not None:
                who = linker.mention(q.speaker, q.gender, q.number)
            elif q.follows is not None and q.follows in quote_speaker:
                who = quote_speaker[q.follows]
                pronoun = who is not None
                if q.follows in quote_mention:
                    picked.append(quote_mention[q.follows])
            elif (
                q.continues
                and last_quote is not None
                and q.start - last_quote[0] <= _CONTINUE_WINDOW
                and _paragraphs_between(folded.text, last_quote[0], q.start) <= 2
                and _compatible(last_quote[1], q.gender, q.number, entities)
            ):
                # «وأضاف»: the speaker of the statement it continues, before other mentions
                who = linker.entity_of(last_quote[1])
                pronoun = True
                picked.append(last_quote[1])
            else:
                who = linker.resolve(q.gender, q.number, q.honorific, q.other_party)
                pronoun = who is not None
            quote_speaker[i] = who
            resolved_quotes[i] = (q, pronoun)
            last_end = q.end
            if who is not None and picked:
                last_quote = (q.start, picked[-1])
                quote_mention[i] = picked[-1]
            picked.clear()
        elif what == 2:
            np_ = mentions[i]
            history.append(_Mention(folded, None, np_, None, None))
            if _after_speech_verb(folded.text, np_.start, forms) or (
                spoken_end and _apposition(folded.text, spoken_end, np_.start)
            ):
                # «وقال قاضي الدائرة، الشيخ محمد الجيراني، إن ...» with no quote read: the
                # subject (and the name in apposition to it) is still the last speaker
                last_quote = (np_.start, history[-1])
                spoken_end = np_.end
            else:
                spoken_end = 0
        else:
            a = attributions[i]
            if a.source is not None:
                ent, span = linker.mention(a.source, None, None)
            else:
                found = linker.resolve(a.gender, a.number, None, False)
                if found is None:
                    continue
                ent, span = found
            if picked and (last_quote is None or a.cue[0] - last_end > _TAIL):
                # «وبحسب الدراسة، فإنه ...» opens a statement; «، وفق ما ذكرت رويترز» right
                # after a quote only relays it
                last_quote = (a.cue[0], picked[-1])
            picked.clear()
            resolved_attrs.append((ent, a, span))
    sources = entities.sources()
    out_quotes: list[Quote] = []
    for i in range(len(quotes)):
        raw, pronoun = resolved_quotes[i]
        who = quote_speaker[i]
        span = folded.span(raw.start, raw.end)
        cue = raw.cue
        cue_span = folded.span(cue[0], cue[1]) if cue is not None else None
        out_quotes.append(
            _quote(
                src[span.start : span.end],
                span,
                raw.kind,
                sources[who[0]] if who is not None else None,
                who[1] if who is not None else None,
                src[cue_span.start : cue_span.end] if cue_span is not None else None,
                cue_span,
                pronoun,
            )
        )
    out_attrs: list[Attribution] = []
    for ent, a, span in resolved_attrs:
        cue_span = folded.span(a.cue[0], a.cue[1])
        claim = a.claim
        out_attrs.append(
            _attribution(
                src[span.start : span.end],
                span,
                sources[ent],
                src[cue_span.start : cue_span.end],
                cue_span,
                folded.span(claim[0], claim[1]) if claim is not None else None,
            )
        )
    return tuple(out_quotes), tuple(out_attrs), tuple(sources)
