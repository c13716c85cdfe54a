"""The cheap tests that let the HTML reader skip work answer «maybe» whenever the full test
would find something (they may say «maybe» more often, never less)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.read import meta

# class and id values built from byline words in any case, with the characters that case-blind
# matching treats as «i» or «k» («İ», «ı», the Kelvin sign)
_LETTERS = "authorAUTHORbylineBYLINEwriterWRITERkatebKATEB\u0130\u0131\u212a -_\n"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=30))
def test_the_author_prefilter_misses_no_byline_word(values: str) -> None:
    if meta._AUTHOR_HINT.search(values):
        assert meta._may_name_author(values)


def test_the_author_prefilter_skips_pages_without_byline_words() -> None:
    assert not meta._may_name_author("share-box\nsidebar col-md-4\nmain")
    assert meta._may_name_author("Post-Byline")
    assert meta._may_name_author("\u212aATEB")  # the Kelvin sign lowers to «k»
    assert meta._may_name_author("BYL\u0130NE")
