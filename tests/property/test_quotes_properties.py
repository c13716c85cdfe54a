"""Properties of quote detection: mark styles, tatweel/diacritics, spans, no overlap."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import arnews
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


def test_the_word_count_of_a_pair_is_capped_like_the_pattern() -> None:
    from arnews.detect.quotes import _WORD, _count_words

    text = "قال «" + " ".join(["كلمة", "د.ب", "(كونا)", "2024", "،"] * 8) + "»"
    for cap in (1, 3, 6):
        for end in range(5, len(text), 7):
            full = len(_WORD.findall(text, 5, end))
            assert _count_words(text, 5, end, cap) == min(full, cap)
