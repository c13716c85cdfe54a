"""Properties of quote detection: mark styles, tatweel/diacritics, spans, no overlap."""

from __future__ import annotations

import re

import regex
from hypothesis import example, given
from hypothesis import strategies as st

import arnews
from arnews.detect.quotes import _aside_end, _complement_at, _complement_starts, _found_after
from tests.strategies import articles, sprinkled

_SPEAKERS = ["الوزير", "وزير الخارجية", "مسؤولون أمريكيون", "المتحدث باسم الجيش", "مصادر مطلعة"]
_VERBS = ["وقال", "وأكد", "وأضاف", "قال", "وأوضح"]
_CONTENT = [
    "الاجتماع كان مثمرا للغاية",
    "لن نقبل بأي تسوية على حساب حقوقنا",
    "الوضع الأمني مستقر في المنطقة",
]
_STYLES = [("«", "»"), ("“", "”"), ('"', '"'), ("”", "“")]


@st.composite
def quoted_paragraph(draw: st.DrawFn) -> tuple[str, str, str]:
    verb = draw(st.sampled_from(_VERBS))
    speaker = draw(st.sampled_from(_SPEAKERS))
    content = draw(st.sampled_from(_CONTENT))
    tail = draw(st.sampled_from(["", " وأضاف أن الحوار مستمر.", " وتابع: «نحن مستعدون للحوار»."]))
    return f"{verb} {speaker}: OPEN{content}CLOSE.{tail}", speaker, content


def _shape(art: arnews.Article) -> list[tuple[str, str | None, str]]:
    return [(q.kind, q.speaker.name if q.speaker else None, q.text) for q in art.quotes]


@given(quoted_paragraph(), st.sampled_from(_STYLES), st.sampled_from(_STYLES))
def test_swapping_quote_mark_styles_changes_nothing(
    para: tuple[str, str, str], a: tuple[str, str], b: tuple[str, str]
) -> None:
    text = para[0]
    first = arnews.parse_text(text.replace("OPEN", a[0]).replace("CLOSE", a[1]))
    second = arnews.parse_text(text.replace("OPEN", b[0]).replace("CLOSE", b[1]))
    assert _shape(first) == _shape(second)
    assert first.quotes[0].text == para[2]


@given(st.data(), quoted_paragraph())
def test_tatweel_and_diacritics_change_nothing(
    data: st.DataObject, para: tuple[str, str, str]
) -> None:
    text = para[0].replace("OPEN", "«").replace("CLOSE", "»")
    noisy = data.draw(sprinkled(text))
    plain = arnews.parse_text(text)
    art = arnews.parse_text(noisy)
    assert [(q.kind, q.cue is not None, q.pronoun) for q in art.quotes] == [
        (q.kind, q.cue is not None, q.pronoun) for q in plain.quotes
    ]
    for q in art.quotes:
        assert art.text[q.span.slice] == q.text


@given(articles())
def test_spans_slice_and_quotes_never_overlap(text: str) -> None:
    art = arnews.parse_text(text)
    last_end = -1
    for q in art.quotes:
        assert art.text[q.span.slice] == q.text
        assert q.span.start >= last_end
        last_end = q.span.end
        if q.cue_span is not None:
            assert art.text[q.cue_span.slice] == q.cue
    for a in art.attributions:
        assert art.text[a.span.slice] == a.text
        assert art.text[a.cue_span.slice] == a.cue


def test_adversarial_inputs_stay_linear() -> None:
    import time

    for text in ('"' * 100_000, "وقال " * 10_000, "« " * 50_000, "وقال الوزير إن " * 5_000):
        start = time.perf_counter()
        arnews.parse_text(text)
        assert time.perf_counter() - start < 10


def test_attribution_cues_in_one_long_sentence_stay_linear() -> None:
    import time

    # thousands of cues with no sentence end: each sentence lookup must be bounded
    for text in (
        "بحسب وكالة " * 20_000,
        "على حد قولها أطلقت " * 20_000,
        "بحسب مصادر بيان أوردته وكالة " * 10_000,
    ):
        start = time.perf_counter()
        arnews.parse_text(text)
        assert time.perf_counter() - start < 5


def test_verbs_with_no_complement_after_them_stay_linear() -> None:
    import time

    # every cue looks ahead for something that could start its complement: the look-ahead
    # of one cue must not run over the text again for each of the thousands after it
    for text in ("بين الجيش " * 10_000, "وعبر الزوار " * 10_000, "قال الوزير " * 10_000):
        start = time.perf_counter()
        arnews.parse_text(text)
        assert time.perf_counter() - start < 5


# Letters, a diacritic, digits of two scripts, a superscript, spaces and the separators
# ``str.split`` takes for spaces, punctuation and quote marks, a hashtag sign.
_TOKEN_ALPHABET = 'اب ت\u064e1٣²,.،:«»"()\n\t\x1c#_-a'


@example("قال #محمود_عباس إن", 0, 18)
@example("قال\x1cالوزير", 0, 10)
@given(
    st.text(alphabet=_TOKEN_ALPHABET, max_size=120),
    st.integers(min_value=0, max_value=120),
    st.integers(min_value=0, max_value=120),
)
def test_tokens_are_the_tokens_of_the_token_pattern(text: str, a: int, b: int) -> None:
    from arnews.detect.sources import TOKEN, tokens

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    expected = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
    assert tokens(text, start, end) == expected


@example("قال الوزير  إن", 0, 14)
@example("قال\x85الوزير\u3000", 0, 11)
@given(
    st.text(alphabet=_TOKEN_ALPHABET + "\xa0\x85\u2009\u3000", max_size=120),
    st.integers(min_value=0, max_value=120),
    st.integers(min_value=0, max_value=120),
)
def test_a_cut_window_drops_its_last_piece(text: str, a: int, b: int) -> None:
    from arnews.detect.sources import _Tokens

    def read(start: int, end: int, cut: bool) -> list[tuple[int, int, str]]:
        reader = _Tokens(text, start, end, cut)
        while reader.more():
            pass
        return reader.toks

    start, end = sorted((min(a, len(text)), min(b, len(text))))
    pieces = [m.span() for m in re.finditer(r"\S+", text[start:end])]  # (str.split's)
    kept_end = start + pieces[-2][1] if len(pieces) > 1 else start
    assert read(start, end, True) == read(start, kept_end, False)
    assert {(t[0], t[1]) for t in read(start, end, False)} >= {
        (start + x, start + y) for x, y in pieces if text[start + x : start + y].isalnum()
    }


def test_the_word_count_of_a_pair_is_capped_like_the_pattern() -> None:
    from arnews.detect.quotes import _WORD, _count_words

    text = "قال «" + " ".join(["كلمة", "د.ب", "(كونا)", "2024", "،"] * 8) + "»"
    for cap in (1, 3, 6):
        for end in range(5, len(text), 7):
            full = len(_WORD.findall(text, 5, end))
            assert _count_words(text, 5, end, cap) == min(full, cap)


# The complement after a speech verb, as the ``regex`` pattern that defined it before
# :func:`arnews.detect.quotes._complement_at` read it with string tests: the two must agree.
_COMPLEMENT_REFERENCE = regex.compile(
    r"\s*(?:[،,]\s*)?(?:"
    r"(?P<colon>:)"
    r"|(?P<clause>(?:(?:الي|علي|من)\s+)?(?:ب\s?)?ان(?P<suffix>ه|ها|هم|هما|ني|نا|كم)?)(?![\p{L}\p{M}])"
    r"|(?P<prep>علي|عن|الي|من)(?=\s)"
    r"|(?P<bprep>ب)(?=\p{L})"
    r"|(?P<quote>[«»“”„\"])"
    r")"
)
# Pieces of complements and what breaks them: spaces of both kinds (U+001C is white space to
# ``str.isspace`` only), a comma, the prepositions, «أن» and its pronouns, a letter after them,
# a digit, a diacritic (a mark), a letter Python's Unicode 14 tables do not know (U+0897 is a
# mark since Unicode 16), quote marks.
_COMPLEMENT_PIECES = [
    " ", "  ", "\n", "\x1c", "\u00a0", "،", ",", ":", "ان", "ب", "الي", "علي", "عن", "من",
    "ه", "ها", "هم", "هما", "ني", "نا", "كم", "ت", "ا", "x", "2", "\u064e", "\u0897", "«",
    '"', "“", "‟", "-",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_COMPLEMENT_PIECES), max_size=8),
    st.integers(0, 3),
    st.integers(0, 3),
)
@example(["،", " ", "الي", " ", "ب", " ", "ان", "ها", " "], 0, 0)
@example([" ", "ان", "ه", "ا"], 0, 0)
@example(["من", "\x1c", "ان"], 0, 0)
@example(["ب", "\u0897"], 0, 0)
def test_complement_reader_agrees_with_its_regex(pieces: list[str], cut: int, start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    end = max(start, len(text) - cut)
    m = _COMPLEMENT_REFERENCE.match(text, start, end)
    got = _complement_at(text, start, end)
    if m is None:
        assert got is None
        return
    kind = "clause" if m.lastgroup == "suffix" else m.lastgroup or ""
    suffix = m.group("suffix")
    content = m.end() if suffix is None else m.end() - len(suffix) - 2
    assert got is not None
    assert (got.kind, got.at, got.end, got.word) == (kind, m.start(kind), m.end(), m.group(kind))
    if kind == "clause":
        assert got.content == content


def _starts_reference(allowed: frozenset[str]) -> regex.Pattern[str]:
    """The ``regex`` search that defined :func:`_complement_starts` before it became keys."""
    preps = [
        p
        for p, name in (("علي", "على"), ("عن", "عن"), ("الي", "إلى"), ("من", "من"))
        if name in allowed
    ]
    alternatives = []
    if ":" in allowed:
        alternatives.append(r"[:«»“”„\"]")
    elif preps:
        alternatives.append(r"[«»“”„\"]")
    if "ان" in allowed:
        alternatives.append(
            r"(?<![\p{L}\p{M}])(?:ب\s?)?ان(?:ه|ها|هم|هما|ني|نا|كم)?(?![\p{L}\p{M}])"
        )
    if preps:
        alternatives.append(r"(?<![\p{L}\p{M}])(?:" + "|".join(preps) + r")\s")
    if "ب" in allowed:
        alternatives.append(r"(?<![\p{L}\p{M}])ب\p{L}")
    return regex.compile("|".join(alternatives))


_ALLOWED = [
    frozenset({"ان", ":"}),
    frozenset({"ان"}),
    frozenset({"عن"}),
    frozenset({"ان", "على", "ب"}),
    frozenset({"إلى", "من", ":"}),
    frozenset({"ب"}),
]


@given(
    st.lists(st.sampled_from([*_COMPLEMENT_PIECES, "بين", "كان"]), max_size=10),
    st.sampled_from(_ALLOWED),
    st.lists(st.integers(0, 12), max_size=4),
    st.integers(0, 3),
)
@example(["ب", " ", "ان", " ", "ب", "ان", "ت"], frozenset({"ان"}), [1, 2, 3], 0)
def test_complement_starts_agree_with_their_regex(
    pieces: list[str], allowed: frozenset[str], places: list[int], cut: int
) -> None:
    text = "".join(pieces)
    end = max(0, len(text) - cut)
    keys = _complement_starts(allowed)
    assert keys is not None
    reference = _starts_reference(allowed)
    reach: dict[str, tuple[int, int]] = {}  # one block: the searches go forward
    for at in sorted(min(p, end) for p in places):
        expected = reference.search(text, at, end) is not None
        assert _found_after(keys, text, at, end, reach) == expected


# A word of an aside between a verb and its complement, as the stdlib ``re`` pattern that
# defined it before :func:`arnews.detect.quotes._aside_end` read it by code points.
_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ASIDE_REFERENCE = re.compile(rf"[{_SPACE}]*(?:[،,()\-–—]|[^{_SPACE}،,.:؟!?«»“”\"]+)")


@given(
    st.lists(
        st.sampled_from([*_COMPLEMENT_PIECES, "(", ")", "—", "–", ".", "؟", "!", "?", "»", "”"]),
        max_size=8,
    ),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_aside_word_reader_agrees_with_its_regex(pieces: list[str], cut: int, start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    end = max(start, len(text) - cut)
    m = _ASIDE_REFERENCE.match(text, start, end)
    assert _aside_end(text, start, end) == (m.end() if m is not None else -1)


# Pieces of passive cues: «وكما تم التأكيد على», a diacritic or a letter after them.
_PASSIVE_PIECES = [
    "و", "ف", "كما", " ", "  ", "\x1c", "تم", " التاكيد", " علي", "قيل", "يقال", "x", "\u064e",
    "جري", "يتم", " الكشف", " عن", "ا", "،",
]  # fmt: skip


@given(
    st.lists(
        st.sampled_from(_PASSIVE_PIECES),
        max_size=7,
    )
)
def test_passive_reader_agrees_with_its_regex(pieces: list[str]) -> None:
    from arnews.detect.quotes import _passive_at, cue_patterns

    phrases = cue_patterns().passive
    reference = regex.compile(
        r"[وف]?(?:كما\s+)?(?P<verb>" + "|".join(map(regex.escape, phrases)) + r")(?![\p{L}\p{M}])"
    )
    text = "".join(pieces)
    m = reference.match(text)
    assert _passive_at(text, 0, phrases) == ((m.start("verb"), m.end()) if m else (-1, -1))


@given(
    st.lists(
        st.sampled_from(
            [
                "قال",
                "وقال",
                "اكد",
                "الوزير",
                "من",
                " ",
                "،",
                ":",
                "2",
                "x",
                "Ab",
                '"',
                "«",
                "(",
                "\u064e",
                "\u0301",
                "ا",
                "\n",
                "\x1c",
                "\ufffd",
                "é",
                "ـ",
                *",.!?؟…؛»“”„‟‘’",
            ]
        ),
        max_size=30,
    )
)
def test_text_scan_agrees_with_its_regexes_and_finds(pieces: list[str]) -> None:
    from arnews.detect.quotes import _END_CHARS, _MARK_CHARS, _positions, _scan_text, cue_patterns

    pats = cue_patterns()
    text = "".join(pieces)
    runs = [(m.group(), m.start()) for m in regex.finditer(r"[\p{L}\p{M}]+", text)]
    expected = [(w, at) for w, at in runs if w in pats.triggers]
    scan = _scan_text(text, pats.triggers, pats.sieve)
    assert list(zip(scan.words, scan.starts, strict=True)) == expected
    assert scan.marks == _positions(text, _MARK_CHARS, 0, len(text))
    assert scan.commas == _positions(text, "،,", 0, len(text))
    assert scan.ends == _positions(text, _END_CHARS, 0, len(text))


def test_every_trigger_word_is_one_run_of_letters_marked_in_the_sieve() -> None:
    from arnews.detect.quotes import _word_hash, cue_patterns

    pats = cue_patterns()
    for word in pats.triggers:  # (a word with another character in it would never be read)
        assert regex.fullmatch(r"[\p{L}\p{M}]+", word), word
        assert pats.sieve[_word_hash(word)] == "\x01", word


@given(
    st.lists(
        st.sampled_from(["قال", " ", "،", "2", "²", "x", '"', "«", "-", "\u064e", "ا", ".", "\n"]),
        max_size=40,
    ),
    st.integers(0, 40),
    st.integers(0, 40),
    st.sampled_from([1, 3, 6]),
)
def test_word_count_of_a_pair_agrees_with_its_regex(
    pieces: list[str], a: int, b: int, cap: int
) -> None:
    from arnews.detect.quotes import _count_words

    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    words = regex.findall(r"[\p{L}\p{N}]+", text[start:end])
    assert _count_words(text, start, end, cap) == min(len(words), cap)


@given(
    st.lists(
        st.sampled_from(["بدوره", "من جانبها", " ", "  ", "،", ",", "\n", "\x1c", "x", "قال", "ه"]),
        max_size=6,
    ),
    st.integers(0, 5),
    st.integers(0, 2),
)
def test_continuity_test_before_its_regex_misses_none(pieces: list[str], lo: int, cut: int) -> None:
    from arnews.detect.quotes import _ends_with_any, cue_patterns

    pats = cue_patterns()
    text = "".join(pieces)
    at = max(0, len(text) - cut)
    lo = min(lo, at)
    if pats.continuity.search(text, lo, at) is not None:
        assert _ends_with_any(text, lo, at, pats.continuity_phrases)


@given(
    st.lists(
        st.sampled_from([" ", "،", ",", ".", "-", "–", "—", "\x1c", "\n", "قال", ":"]), max_size=8
    ),
    st.integers(0, 3),
)
def test_reader_after_a_quote_agrees_with_its_regex(pieces: list[str], start: int) -> None:
    from arnews.detect.quotes import _after_quote

    text = "".join(pieces)
    start = min(start, len(text))
    m = regex.compile(r"[\s،,.]*(?:[-–—]\s*)?").match(text, start)
    assert m is not None
    assert _after_quote(text, start, len(text)) == m.end()
