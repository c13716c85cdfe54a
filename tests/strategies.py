"""Hypothesis strategies: Arabic words and sentences, article-shaped text, noisy input."""

from __future__ import annotations

from hypothesis import strategies as st

from arnews.text import chars

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية" + "أإآىءؤئ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652" + chars.TATWEEL
INVISIBLES = "\u200c\u200d\u200e\u200f\u061c\u202b\u202c\ufeff"

words = st.text(alphabet=ARABIC_LETTERS, min_size=2, max_size=9)
numbers = st.integers(min_value=0, max_value=3000).map(str)
punctuation = st.sampled_from(["،", ".", "؟", ":", "!", "«", "»", '"', "(", ")", "-", "ـ"])
tokens = st.one_of(words, words, words, numbers, punctuation)
sentences = st.lists(tokens, min_size=1, max_size=25).map(" ".join)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
separators = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\n\n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Article-shaped text: maybe a headline, maybe a dateline, paragraphs and headings."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(" ".join(draw(st.lists(words, min_size=2, max_size=10))))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["الرياض - واس:", "دبي ـ العربية.نت", "(CNN)--"])))
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        parts.append(draw(st.one_of(paragraphs, paragraphs, sentences)))
    pieces = []
    for part in parts:
        pieces.append(part)
        pieces.append(draw(separators))
    return "".join(pieces)


@st.composite
def sprinkled(draw: st.DrawFn, text: str) -> str:
    """``text`` with diacritics, tatweel and invisible marks inserted after letters."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in ARABIC_LETTERS and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(MARKS + INVISIBLES)))
    return "".join(out)
