"""The speaker phrase reader (:func:`arnews.detect.sources.read_np`) and its record."""

from __future__ import annotations

import inspect

import attrs
import pytest

import arnews
from arnews.detect.sources import NP, read_np
from arnews.text.fold import fold


def _read(sentence: str, after: str, *, strict: bool = False) -> NP | None:
    """Read the phrase of ``sentence`` (written Arabic) that starts after its word ``after``."""
    text = fold(sentence).text
    pos = text.index(fold(after).text) + len(fold(after).text)
    return read_np(text, pos, len(text), strict=strict)


@pytest.mark.skipif(
    arnews.compiled, reason="mypyc-compiled methods have no signature for inspect to read"
)
def test_np_init_takes_the_fields_by_keyword() -> None:
    params = inspect.signature(NP.__init__).parameters
    assert sorted(p for p in params if p != "self") == sorted(NP.__slots__)
    assert all(params[p].kind is inspect.Parameter.KEYWORD_ONLY for p in params if p != "self")


def test_np_is_a_frozen_record() -> None:
    np = NP(start=1, end=4, text="abc")
    assert (np.start, np.end, np.text) == (1, 4, "abc")
    for field, value in (("start", 0), ("end", 5), ("text", "x")):
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(np, field, value)
    assert (np.start, np.end, np.text) == (1, 4, "abc")
    assert np == NP(start=1, end=4, text="abc")
    assert np != NP(start=1, end=3, text="abc")
    assert np != (1, 4, "abc")
    assert hash(np) == hash(NP(start=1, end=4, text="abc"))
    assert repr(np) == "NP(start=1, end=4, text='abc')"


@pytest.mark.parametrize(
    ("sentence", "after", "phrase"),
    [
        # a role, its complement, a nationality adjective and the name; «إن» ends it
        (
            "قال وزير الخارجية الأمريكي أنتوني بلينكن إن",
            "قال",
            "وزير الخارجية الأمريكي أنتوني بلينكن",
        ),
        # a short name in quote marks inside the phrase
        ('وقالت وكالة "الأناضول" إن الوفد وصل', "وقالت", 'وكالة "الأناضول"'),
        # a title, a name chain; the comma ends it
        ("وأكد الشيخ محمد بن زايد، في كلمة", "وأكد", "الشيخ محمد بن زايد"),
        # a recipient in «ل» ends it
        ("وقال المتحدث لرويترز إن", "وقال", "المتحدث"),
    ],
)
def test_read_np_reads_the_phrase(sentence: str, after: str, phrase: str) -> None:
    np = _read(sentence, after)
    assert np is not None
    assert np.text == fold(phrase).text
    text = fold(sentence).text
    assert text[np.start : np.end] == np.text
    assert np == NP(start=np.start, end=np.end, text=np.text)


def test_read_np_none_before_a_complementizer() -> None:
    assert _read("وقال إن الوفد وصل", "وقال") is None


def test_link_records_match_the_keyword_constructors() -> None:
    """link builds its Quote, Attribution and Source records positionally: the same records
    the keyword constructors build, frozen like them."""
    from arnews.detect.sources import _attribution, _quote, _source
    from arnews.model import Attribution, Quote, Source, Span

    span, cue_span = Span(start=10, end=20), Span(start=0, end=4)
    source = _source("وزير الدفاع", "official", "وزير الدفاع", ("الوزير",))
    assert source == Source(
        name="وزير الدفاع", kind="official", role="وزير الدفاع", aliases=("الوزير",)
    )
    quote = _quote("نص", span, "indirect", source, cue_span, "وقال", cue_span, True)
    assert quote == Quote(
        text="نص",
        span=span,
        kind="indirect",
        speaker=source,
        speaker_span=cue_span,
        cue="وقال",
        cue_span=cue_span,
        pronoun=True,
    )
    attribution = _attribution("المصادر", span, source, "بحسب", cue_span, None)
    assert attribution == Attribution(
        text="المصادر", span=span, source=source, cue="بحسب", cue_span=cue_span, claim_span=None
    )
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "x"  # type: ignore[misc]


def test_tokens_read_on_demand_match_a_whole_scan() -> None:
    """The tokens read a chunk and a piece at a time (a piece longer than a chunk too) are
    those a regex scan of the whole stretch finds."""
    from arnews.detect.sources import TOKEN, tokens

    long_word = "ب" * 70
    sentence = 'وقال وزير الخارجية، «الأناضول» (كونا) د. أحمد بن سلمان: "نعم"  '
    text = fold(sentence * 3 + long_word + " " + sentence).text
    for start, end in ((0, len(text)), (5, len(text) - 3), (7, 60)):
        expected = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text, start, end)]
        assert tokens(text, start, end) == expected
