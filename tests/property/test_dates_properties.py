"""Properties of date detection: rendered dates are found with their value, whatever the
series, digit set, suffix or format; tatweel, diacritics and digit sets change nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from arnews.detect.dates import find_dates
from tests.strategies import DIGIT_SETS, articles, digits_as, rendered_dates, sprinkled


def _values(text: str) -> list[tuple[str, str | None, str]]:
    return [(d.calendar, d.value, d.precision) for d in find_dates(text)]


@given(rendered_dates())
def test_a_rendered_date_is_found_with_its_value(case: tuple[str, str, str]) -> None:
    sentence, calendar, value = case
    found = find_dates(sentence)
    assert [(d.calendar, d.value) for d in found] == [(calendar, value)]
    assert all(sentence[d.span.start : d.span.end] == d.text for d in found)


@given(st.data(), rendered_dates())
def test_tatweel_and_diacritics_change_nothing(
    data: st.DataObject, case: tuple[str, str, str]
) -> None:
    sentence = case[0]
    noisy = data.draw(sprinkled(sentence))
    assert _values(noisy) == _values(sentence)
    assert all(noisy[d.span.start : d.span.end] == d.text for d in find_dates(noisy))


@given(rendered_dates(), st.sampled_from(sorted(DIGIT_SETS)))
def test_digit_sets_leave_values_unchanged(case: tuple[str, str, str], digit_set: str) -> None:
    ascii_digits = case[0].translate(
        {ord(c): str(i) for s in DIGIT_SETS.values() for i, c in enumerate(s)}
    )
    assert _values(digits_as(ascii_digits, digit_set)) == _values(ascii_digits)


@given(articles())
def test_spans_slice_to_their_text_on_any_article(text: str) -> None:
    for mention in find_dates(text):
        assert text[mention.span.start : mention.span.end] == mention.text
        assert mention.pair is None or mention.pair >= 0
