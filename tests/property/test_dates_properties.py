"""Properties of date detection: rendered dates are found with their value, whatever the
series, digit set, suffix or format; tatweel, diacritics and digit sets change nothing."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import assume, given
from hypothesis import strategies as st

from arnews.detect.dates import find_dates
from tests.strategies import (
    DATE_FRAMES,
    DIGIT_SETS,
    GREGORIAN_SERIES,
    articles,
    digits_as,
    rendered_dates,
    sprinkled,
)


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


# Zones after a time (conventions §5.8): what is written, and the tzinfo that fixes the offset
# (``None``: no offset; a name: an IANA zone, whose offset at the day is zoneinfo's).
_FIXED_ZONES: tuple[tuple[str, dt.tzinfo | None], ...] = (
    ("", None),
    (" بالتوقيت المحلي", None),
    (" بتوقيت غرينتش", dt.timezone.utc),
    (" بتوقيت جرينتش", dt.timezone.utc),
    (" GMT", dt.timezone.utc),
    (" (ت غ)", dt.timezone.utc),
    (" ت.غ", dt.timezone.utc),
    (" UTC", dt.timezone.utc),
    (" بتوقيت مكة المكرمة", dt.timezone(dt.timedelta(hours=3))),
    (" (بتوقيت مكة)", dt.timezone(dt.timedelta(hours=3))),
)
_PLACES = (
    ("بيروت", "Asia/Beirut"),
    ("القاهرة", "Africa/Cairo"),
    ("الدوحة", "Asia/Qatar"),
    ("باريس", "Europe/Paris"),
    ("دمشق", "Asia/Damascus"),
    ("الرباط", "Africa/Casablanca"),
)


def _zone(name: str) -> dt.tzinfo | None:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@st.composite
def rendered_times(draw: st.DrawFn) -> tuple[str, str]:
    """An Arabic sentence holding one Gregorian day with a clock time and maybe a zone
    after it, the time after the day or right before it: ``(sentence, ISO value)``, the value
    with the zone's UTC offset.

    Times: «الساعة 10:30», «10:30», «الساعة 9 مساء», «الساعة 21», «الساعة 20.45» (or
    «20٫45»), Reuters' «الساعة 1734» (with a zone only); zones: Greenwich («بتوقيت
    غرينتش», «GMT», «ت غ», «GMT+4», «ت غ-3:30»), Mecca, named places (DST by zoneinfo),
    local time. Digits in any of the three sets."""
    year = draw(st.integers(1970, 2049))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    if draw(st.booleans()):
        name = GREGORIAN_SERIES[draw(st.sampled_from(sorted(GREGORIAN_SERIES)))][month - 1]
        date = f"{day} {name} {year}"
    else:
        date = f"{day:02d}/{month:02d}/{year}"
    kind = draw(st.sampled_from(["colon", "bare", "period", "dot", "four"]))
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59)) if kind in ("colon", "dot", "four") else 0
    if kind == "colon":
        saa = draw(st.sampled_from(["الساعة ", "", "عند الساعة ", "في الساعة "]))
        time = f"{saa}{hour}:{minute:02d}"
    elif kind == "bare":
        time = f"الساعة {hour}"
    elif kind == "period":
        hour = draw(st.integers(1, 11))
        word, add = draw(st.sampled_from([("صباحا", 0), ("صباحاً", 0), ("مساء", 12), ("مساءً", 12)]))
        time = f"الساعة {hour} {word}"
        hour += add
    elif kind == "dot":
        time = f"الساعة {hour}{draw(st.sampled_from(['.', '٫']))}{minute:02d}"
    else:
        time = f"الساعة {hour:02d}{minute:02d}"
    lead = draw(st.sampled_from([" ", " - ", "، ", " | "]))
    choice = draw(st.integers(0, 3))
    tz: dt.tzinfo | None
    if choice == 0:
        place, name = draw(st.sampled_from(_PLACES))
        tz = _zone(name)
        assume(tz is not None)  # no zone data on this machine: nothing to check
        zone = f" بتوقيت {place}"
    elif choice == 1:
        sign = draw(st.sampled_from(["+", "-"]))
        hours = draw(st.integers(0, 12))
        minutes = draw(st.sampled_from([0, 30, 45]))
        written = f"{hours}" if not minutes else f"{hours}:{minutes:02d}"
        zone = f" {draw(st.sampled_from(['GMT', 'ت غ', 'UTC']))}{sign}{written}"
        delta = dt.timedelta(hours=hours, minutes=minutes)
        tz = dt.timezone(-delta if sign == "-" else delta)
    else:
        zone, tz = draw(st.sampled_from(_FIXED_ZONES))
    if kind == "four":
        assume(tz is not None or zone)  # four digits are a time only with a zone after them
    when = dt.datetime(year, month, day, hour, minute, tzinfo=tz)
    order = draw(st.sampled_from(["after", "before", "zone first"]))
    if order == "after":
        written = f"{date}{lead}{time}{zone}"
    elif (
        order == "zone first"
        and kind == "colon"
        and zone.strip() in ("GMT", "UTC")
        and not time.startswith(("عند", "في"))
    ):
        # a page header: «GMT 17:27 17.03.2020», «GMT الساعة 17:27 ...» (no preposition
        # between the zone and the time: «UTC عند الساعة 0:00» is no form of the news)
        written = f"{zone.strip()} {time}{lead}{date}"
    else:
        # the time right before the day: «10:30 ص 15 نوفمبر 2024», «17:27 GMT 17.03.2020»
        written = f"{time}{zone}{lead}{date}"
    text = digits_as(written, draw(st.sampled_from(sorted(DIGIT_SETS))))
    frame = draw(st.sampled_from(DATE_FRAMES))
    return frame.format(text), when.isoformat(timespec="minutes")


@given(rendered_times())
def test_a_rendered_time_is_found_with_its_offset(case: tuple[str, str]) -> None:
    sentence, value = case
    found = find_dates(sentence)
    assert [(d.value, d.precision) for d in found] == [(value, "minute")]
    assert all(sentence[d.span.start : d.span.end] == d.text for d in found)
    # the value reads back (Python 3.10's fromisoformat too) as the instant written
    assert dt.datetime.fromisoformat(value) == dt.datetime.fromisoformat(found[0].value or "")


@given(st.data(), rendered_times())
def test_tatweel_and_diacritics_change_no_time(data: st.DataObject, case: tuple[str, str]) -> None:
    noisy = data.draw(sprinkled(case[0]))
    assert _values(noisy) == _values(case[0])
