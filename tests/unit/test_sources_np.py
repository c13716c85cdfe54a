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
