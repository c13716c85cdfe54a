from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews.text import fold, match_key


@pytest.mark.parametrize(
    ("source", "folded"),
    [
        ("أكَّد", "اكد"),  # diacritics
        ("مـسـاء", "مساء"),  # tatweel inside a word
        ("وام ـ أبوظبي", "وام - ابوظبي"),  # tatweel as a dash
        ("إبريل آذار ٱلله", "ابريل اذار الله"),  # alef variants
        ("فى الأمريكى", "في الامريكي"),  # alef maqsura
        ("الجمعة", "الجمعه"),  # teh marbuta
        ("یوم کبیر", "يوم كبير"),  # Farsi yeh and keheh
        ("١٥/١١/٢٠٢٤ ۱۴۴۶", "15/11/2024 1446"),  # Arabic-Indic and Persian digits
        ("15\u200f/11\u200f/2024", "15/11/2024"),  # RLM inside a numeric date
        ("نوف\u200cمبر", "نوفمبر"),  # ZWNJ
        ("ﻣﻨﺘﺨﺐ اﻟﻜﻮﻳﺖ", "منتخب الكويت"),  # presentation forms
        ("ﷲ", "الله"),  # a ligature that grows
        ("a\u00a0b", "a b"),  # NBSP
    ],
)
def test_fold_examples(source: str, folded: str) -> None:
    assert fold(source).text == folded


def test_span_maps_back_to_source_with_trailing_marks() -> None:
    source = "وقالَ الوزيرُ: نعم"
    f = fold(source)
    start = f.text.index("الوزير")
    span = f.span(start, start + len("الوزير"))
    assert source[span.slice] == "الوزيرُ"


def test_span_over_expanded_ligature_covers_the_ligature() -> None:
    source = "بسم ﷲ الرحمن"
    f = fold(source)
    start = f.text.index("الله")
    assert source[f.span(start, start + 4).slice] == "ﷲ"


def test_identity_map_when_nothing_changes_length() -> None:
    f = fold("قال الوزير ١٥")
    assert f.text == "قال الوزير 15"
    assert f.span(4, 10).start == 4
    assert f.folded_index(7) == 7


def test_folded_index_inverts_source_start() -> None:
    source = "أكَّد الوزيـر"
    f = fold(source)
    for i in range(len(f.text)):
        assert f.folded_index(f.source_start(i)) == i


def test_match_key() -> None:
    assert match_key("  «اقرأ أيضاً»: ") == "اقرا ايضا"
    assert match_key("العربية .نت") == match_key("العربية.نت")


def _reference_map(text: str) -> tuple[list[int], list[int]]:
    """Per-character source starts and ends of fold(text), built the slow, obvious way."""
    from arnews.text.fold import _DROP_ALL, _SPECIAL

    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    expanded = 0  # letters of the replaced character just before, if any
    for m in _SPECIAL.finditer(text):
        a, b = m.span()
        if a > pos:
            expanded = 0
        for i in range(pos, a):
            starts.append(i)
            ends.append(i + 1)
        replacement = ""
        if m.lastgroup == "compat":
            import unicodedata

            replacement = _DROP_ALL.sub("", unicodedata.normalize("NFKC", m.group()))
        if replacement:
            starts.extend([a] * len(replacement))
            ends.extend([b] * len(replacement))
            expanded = len(replacement)
        elif ends and ends[-1] == a:
            # a dropped run belongs to the character before it (to every letter of a
            # replaced presentation form: they stand for one source character)
            for j in range(len(ends) - (expanded or 1), len(ends)):
                ends[j] = b
        pos = b
    for i in range(pos, len(text)):
        starts.append(i)
        ends.append(i + 1)
    return starts, ends


@given(st.text(alphabet=st.sampled_from("اأبة ـًٌّ\u200f\u200cﻻﷲﻣ١x."), max_size=40))
def test_segment_map_matches_the_per_character_map(text: str) -> None:
    f = fold(text)
    starts, ends = _reference_map(text)
    assert len(starts) == len(f.text)
    for i in range(len(f.text)):
        assert f.source_start(i) == starts[i]
        assert f.source_end(i + 1) == ends[i]
        assert f.folded_index(starts[i]) == sum(1 for s in starts if s < starts[i])
    assert f.source_start(len(f.text)) == len(text)


def test_folded_has_a_repr() -> None:
    assert repr(fold("أكَّد")).startswith("Folded(text='اكد'")


@given(
    st.text(alphabet=st.sampled_from("اأبة ـًٌّ\u200f\u200cﻻﷲﻣ١x."), max_size=40),
    st.integers(0, 45),
    st.integers(0, 45),
)
def test_span_is_source_start_to_source_end(text: str, start: int, end: int) -> None:
    """span() inlines the two offset maps: the same offsets as asking each."""
    f = fold(text)
    start, end = min(start, len(f.text)), min(end, len(f.text))
    span = f.span(start, end)
    if start < end:
        assert (span.start, span.end) == (f.source_start(start), f.source_end(end))
    else:
        assert span.start == span.end == f.source_start(start)
    if f.identity:  # folded offsets are source offsets
        assert len(f.text) == len(text)
        assert (span.start, span.end) == (start, max(start, end))


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=30))
def test_ascii_is_folded_to_itself(text: str) -> None:
    """fold and fold_text return ASCII at once: no ASCII character is in the table or dropped."""
    from arnews.text.fold import _SCAN, FOLD_TABLE, fold_text

    assert not any(code < 128 for code in FOLD_TABLE)
    assert _SCAN.search("".join(map(chr, range(128)))) is None
    f = fold(text)
    assert f.text == text
    assert f.identity
    assert fold_text(text) == text


def test_folded_is_frozen() -> None:
    import attrs

    folded = fold("قالَ الوزيـر")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        folded.text = "x"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        folded._fstarts = None  # type: ignore[misc]
    assert folded.text == "قال الوزير"
