"""Clock times and time zones after a date (conventions §5.8), on synthetic Arabic sentences
built from the shapes of real articles: «الساعة 1734 بتوقيت جرينتش» (Reuters), «عند الساعة
20.45 (توقيت باريس)», «وعلى الساعة 16 و47 دقيقة», «(19:00 ت غ)», «بالتوقيت المحلي»."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from arnews.detect.dates import find_dates
from arnews.model import DateMention


def _one(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def _has_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _needs(name: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not _has_zone(name), reason=f"no zoneinfo data for {name}")


# --- Greenwich time and written offsets: the value carries the offset ---------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        (
            "أعلن في 15 نوفمبر 2024 الساعة 10:30 بتوقيت غرينتش أن",
            "15 نوفمبر 2024 الساعة 10:30 بتوقيت غرينتش",
            "2024-11-15T10:30+00:00",
        ),
        (
            "الخميس 5 يناير 2023 الساعة 9 مساء بتوقيت غرينتش",
            "الخميس 5 يناير 2023 الساعة 9 مساء بتوقيت غرينتش",
            "2023-01-05T21:00+00:00",
        ),
        (
            "وفي 3 مارس 2019 الساعة 1734 بتوقيت جرينتش نزل سعر الذهب",
            "3 مارس 2019 الساعة 1734 بتوقيت جرينتش",
            "2019-03-03T17:34+00:00",
        ),
        (
            "فتحت المكاتب يوم 6 مايو 2018 في الساعة 07:00 (ت غ) أبوابها",
            "6 مايو 2018 في الساعة 07:00 (ت غ)",
            "2018-05-06T07:00+00:00",
        ),
        (
            "يوم 6 مايو 2018 الساعة 7:00 ت.غ، قال",
            "6 مايو 2018 الساعة 7:00 ت.غ",
            "2018-05-06T07:00+00:00",
        ),
        (
            "الجمعة 15 نوفمبر 2024 - 10:30 GMT",
            "الجمعة 15 نوفمبر 2024 - 10:30 GMT",
            "2024-11-15T10:30+00:00",
        ),
        ("في 15/11/2024 10:30 UTC قال", "15/11/2024 10:30 UTC", "2024-11-15T10:30+00:00"),
        (
            "الجمعة 15 نوفمبر 2024 - 10:30 GMT+4",
            "الجمعة 15 نوفمبر 2024 - 10:30 GMT+4",
            "2024-11-15T10:30+04:00",
        ),
        (
            "في 15 نوفمبر 2024 الساعة 10:30 GMT+3:30",
            "15 نوفمبر 2024 الساعة 10:30 GMT+3:30",
            "2024-11-15T10:30+03:30",
        ),
        (
            "في 15 نوفمبر 2024 الساعة 8 ت غ+3 قال",
            "15 نوفمبر 2024 الساعة 8 ت غ+3",
            "2024-11-15T08:00+03:00",
        ),
        (
            "في 15 نوفمبر 2024 الساعة 8:00 (GMT-5)",
            "15 نوفمبر 2024 الساعة 8:00 (GMT-5)",
            "2024-11-15T08:00-05:00",
        ),
        (
            "آخر تحديث 28 آب 2013 14:00 (GMT+0400)",
            "28 آب 2013 14:00 (GMT+0400)",
            "2013-08-28T14:00+04:00",
        ),
        # Mecca time is UTC+3 by definition: no zone data needed
        (
            "تقام الصلاة الجمعة 15 نوفمبر 2024 الساعة العاشرة صباحا بتوقيت مكة المكرمة",
            "الجمعة 15 نوفمبر 2024 الساعة العاشرة صباحا بتوقيت مكة المكرمة",
            "2024-11-15T10:00+03:00",
        ),
        # a machine date with its offset: «Z» is written «+00:00»
        ("نشر 2020-07-12T00:23:21+02:00", "2020-07-12T00:23:21+02:00", "2020-07-12T00:23+02:00"),
        ("نشر 2020-03-17T17:27:41Z", "2020-03-17T17:27:41Z", "2020-03-17T17:27+00:00"),
    ],
)
def test_a_zone_after_a_time_gives_the_offset(sentence: str, text: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.text, mention.value, mention.precision) == (text, value, "minute")
    # the value is one that Python 3.10's fromisoformat reads (no «Z»)
    assert dt.datetime.fromisoformat(value).utcoffset() is not None


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("في 5 مايو 2018 الساعة 14:00 بالتوقيت المحلي قال", "2018-05-05T14:00"),
        ("في 5 مايو 2018 الساعة 14:00 حسب التوقيت المحلي قال", "2018-05-05T14:00"),
        # beyond ±14 hours is no offset: the time stays without one
        ("في 5 مايو 2018 الساعة 14:00 GMT+19 قال", "2018-05-05T14:00"),
    ],
)
def test_local_time_fixes_no_offset(sentence: str, value: str) -> None:
    assert _one(sentence).value == value


def test_a_zone_offset_before_a_dash_and_a_day_is_no_first_day_of_a_range() -> None:
    # «GMT+3 - 1 يناير»: the offset's digit and «- 1» read as the range «3 - 1 يناير» gave
    # a backward range and no time
    found = find_dates("قال الوزير الساعة 5 GMT+3 - 1 يناير 1970 إن الاجتماع كان مثمرا.")
    assert [(d.text, d.value) for d in found] == [
        ("الساعة 5 GMT+3 - 1 يناير 1970", "1970-01-01T05:00+03:00")
    ]


def test_a_second_time_in_brackets_is_not_the_zone_of_the_first() -> None:
    # «21:00 (19:00 ت غ)»: the local time, then the same instant in UTC; the first is kept
    mention = _one("يوم 5 مايو 2018 قبيل الساعة 21:00 (19:00 ت غ) نفذ رجل")
    assert mention.text == "5 مايو 2018"
    mention = _one("يوم 5 مايو 2018 الساعة 21:00 (19:00 ت غ) نفذ رجل")
    assert (mention.text, mention.value) == ("5 مايو 2018 الساعة 21:00", "2018-05-05T21:00")


# --- named places: the offset at that date and time, daylight saving included -----------


@pytest.mark.parametrize(
    ("sentence", "zone", "value"),
    [
        ("08/03/2023 الساعة 09:16 (بتوقيت الدوحة)", "Asia/Qatar", "2023-03-08T09:16+03:00"),
        # Lebanon keeps summer time: +03:00 in July, +02:00 in January
        ("في 15 يوليو 2024 الساعة 10:30 بتوقيت بيروت", "Asia/Beirut", "2024-07-15T10:30+03:00"),
        ("في 15 يناير 2024 الساعة 10:30 بتوقيت بيروت", "Asia/Beirut", "2024-01-15T10:30+02:00"),
        # Egypt's summer time came back in 2023 and starts on the last Friday of April
        ("في 14 أبريل 2024 الساعة 9 مساء بتوقيت القاهرة", "Africa/Cairo", "2024-04-14T21:00+02:00"),
        ("في 14 مايو 2024 الساعة 9 مساء بتوقيت القاهرة", "Africa/Cairo", "2024-05-14T21:00+03:00"),
        ("عند الساعة 20.45 من 16 مايو 2018", "Europe/Paris", None),  # time before: not taken
        (
            "الأربعاء 16 مايو 2018 عند الساعة 20.45 (توقيت باريس)",
            "Europe/Paris",
            "2018-05-16T20:45+02:00",
        ),
        ("في 3 يونيو 2015 الساعة 10 صباحا بتوقيت أبو ظبي", "Asia/Dubai", "2015-06-03T10:00+04:00"),
        ("في 3 يونيو 2015 الساعة 10 صباحا بتوقيت الرياض", "Asia/Riyadh", "2015-06-03T10:00+03:00"),
        # a Hijri day: the offset of its Gregorian day (1445-10-05 = 2024-04-14)
        (
            "يوم 5 شوال 1445 هـ الساعة 9 مساء بتوقيت القاهرة",
            "Africa/Cairo",
            "1445-10-05T21:00+02:00",
        ),
    ],
)
def test_a_named_place_gives_its_offset_at_that_date(
    sentence: str, zone: str, value: str | None
) -> None:
    if not _has_zone(zone):
        pytest.skip(f"no zoneinfo data for {zone}")
    found = [d for d in find_dates(sentence) if d.precision == "minute"]
    assert [d.value for d in found] == ([value] if value else [])


def test_a_year_filled_from_the_paragraph_sets_the_summer_time() -> None:
    if not _has_zone("Asia/Beirut"):
        pytest.skip("no zoneinfo data for Asia/Beirut")
    found = find_dates("في عام 2024 وفي 15 تموز الساعة 10:30 بتوقيت بيروت")
    assert [d.value for d in found] == ["2024", "2024-07-15T10:30+03:00"]


def test_no_zone_data_leaves_the_value_without_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    from arnews.detect import dates

    def missing(name: str) -> None:
        raise zoneinfo.ZoneInfoNotFoundError(name)

    dates._tz.cache_clear()
    monkeypatch.setattr(zoneinfo, "ZoneInfo", missing)
    try:
        mention = _one("في 15 يوليو 2024 الساعة 10:30 بتوقيت بيروت")
        assert mention.value == "2024-07-15T10:30"
        # fixed offsets need no zone data
        assert _one("في 15 يوليو 2024 الساعة 10:30 بتوقيت مكة").value == "2024-07-15T10:30+03:00"
    finally:
        monkeypatch.undo()
        dates._tz.cache_clear()


# --- bare hours, dots and four digits after «الساعة» -------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("يوم 5 يناير 2023 الساعة 9 مساء", "5 يناير 2023 الساعة 9 مساء", "2023-01-05T21:00"),
        ("يوم 5 يناير 2023 الساعة 21 انطلقت", "5 يناير 2023 الساعة 21", "2023-01-05T21:00"),
        ("في 5 يناير 2023 عند الساعة 16 قال", "5 يناير 2023 عند الساعة 16", "2023-01-05T16:00"),
        (
            "الأحد 5 مارس 2017 في تمام الساعة 8 صباحا",
            "الأحد 5 مارس 2017 في تمام الساعة 8 صباحا",
            "2017-03-05T08:00",
        ),
        (
            "بتاريخ يوم الثلاثاء 24 نوفمبر 2015 وعلى الساعة 16 و47 دقيقة، جدت",
            "يوم الثلاثاء 24 نوفمبر 2015 وعلى الساعة 16 و47 دقيقة",
            "2015-11-24T16:47",
        ),
        ("في 5 مايو 2018 الساعة 20.45 قال", "5 مايو 2018 الساعة 20.45", "2018-05-05T20:45"),
        (
            "في 5 مايو 2018 الساعة 10٫30 صباحا قال",
            "5 مايو 2018 الساعة 10٫30 صباحا",
            "2018-05-05T10:30",
        ),
        (
            "في ٥ مايو ٢٠١٨ الساعة ١٠٫٣٠ مساء قال",
            "٥ مايو ٢٠١٨ الساعة ١٠٫٣٠ مساء",
            "2018-05-05T22:30",
        ),
        ("في 5 مايو 2018 الساعة 1:14 ظهراً قال", "5 مايو 2018 الساعة 1:14 ظهراً", "2018-05-05T13:14"),
        ("في 5 مايو 2018 الساعة 12 ظهرا قال", "5 مايو 2018 الساعة 12 ظهرا", "2018-05-05T12:00"),
        ("في 5 مايو 2018 الساعة 11 ليلا قال", "5 مايو 2018 الساعة 11 ليلا", "2018-05-05T23:00"),
        (
            "في 5 مايو 2018 الساعة الثانية ليلا قال",
            "5 مايو 2018 الساعة الثانية ليلا",
            "2018-05-05T02:00",
        ),
        ("الجمعة 15 نوفمبر 2024 | 01:45 م", "الجمعة 15 نوفمبر 2024 | 01:45 م", "2024-11-15T13:45"),
    ],
)
def test_bare_hours_after_a_date(sentence: str, text: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.text, mention.value, mention.precision) == (text, value, "minute")


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # «الساعة» alone, counts, durations and speeds are no times
        ("في 5 مايو 2018 الساعة التي حددتها اللجنة", "5 مايو 2018"),
        ("في 5 مايو 2018 خمس ساعات من المفاوضات", "5 مايو 2018"),
        ("في 5 مايو 2018 24 ساعة من الاحتجاز", "5 مايو 2018"),
        ("في 5 مايو 2018 على مدار الساعة", "5 مايو 2018"),
        ("في 5 مايو 2018 بسرعة 75 ميلا في الساعة", "5 مايو 2018"),
        # four digits need a zone after them (a price, a count otherwise)
        ("في 5 مايو 2018 الساعة 1734 قال", "5 مايو 2018"),
        # a decimal, a third part, a number too big for an hour
        ("في 5 مايو 2018 الساعة 9.5.3 قال", "5 مايو 2018"),
        ("في 5 مايو 2018 الساعة 25 قال", "5 مايو 2018"),
        ("في 5 مايو 2018 الساعة 9:75 قال", "5 مايو 2018"),
    ],
)
def test_what_is_no_time(sentence: str, text: str) -> None:
    mention = _one(sentence)
    assert (mention.text, mention.precision) == (text, "day")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        # without «الساعة», a bare hour 1-12 before a period word of more than one letter
        ("الخميس 5 يناير 2023، 9 مساءً", "الخميس 5 يناير 2023، 9 مساءً", "2023-01-05T21:00"),
        ("تنشر 15/11/2024 10 صباحاً", "15/11/2024 10 صباحاً", "2024-11-15T10:00"),
        (
            "الخميس 5 يناير 2023 - 10 صباحا بتوقيت مكة",
            "الخميس 5 يناير 2023 - 10 صباحا بتوقيت مكة",
            "2023-01-05T10:00+03:00",
        ),
        # «م» alone after a bare number may be a unit; 13 is no hour of a twelve-hour clock
        ("الخميس 5 يناير 2023 9 م", "الخميس 5 يناير 2023", "2023-01-05"),
        ("في 5 يناير 2023 13 مساء", "5 يناير 2023", "2023-01-05"),
        # «ساعة» without the article before a bare number is a count, not a clock
        ("في 5 يناير 2023 ساعة 9", "5 يناير 2023", "2023-01-05"),
    ],
)
def test_a_bare_hour_before_a_period_word(sentence: str, text: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.text, mention.value) == (text, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # parts of an hour after a clock hour, the period word applied first
        ("الجمعة 15 نوفمبر 2024 الساعة التاسعة والنصف صباحا", "2024-11-15T09:30"),
        ("في 5 مايو 2018 الساعة السابعة والربع مساء", "2018-05-05T19:15"),
        ("في 5 مايو 2018 الساعة السابعة و النصف", "2018-05-05T07:30"),
        ("في 5 مايو 2018 الساعة 9 والنصف مساء بتوقيت مكة", "2018-05-05T21:30+03:00"),
        ("الجمعة 15 نوفمبر 2024 الساعة العاشرة إلا ربعا", "2024-11-15T09:45"),
        ("في 5 مايو 2018 الساعة الواحدة إلا ربعا ظهرا", "2018-05-05T12:45"),
        ("في 5 مايو 2018 الساعة السابعة إلا ربعا مساء", "2018-05-05T18:45"),
        ("الجمعة 15 نوفمبر 2024 الساعة الرابعة و24 دقيقة مساء", "2024-11-15T16:24"),
        ("الجمعة 15 نوفمبر 2024 الساعة الرابعة و 5 دقائق", "2024-11-15T04:05"),
    ],
)
def test_parts_of_an_hour(sentence: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.value, mention.span.end) == (value, len(sentence))


def test_a_time_needs_a_day() -> None:
    # a month or a year alone takes no time, and a time alone is no date
    assert [(d.text, d.value) for d in find_dates("في مايو 2018 الساعة 9 مساء")] == [
        ("مايو 2018", "2018-05")
    ]
    assert find_dates("الساعة 9 مساء بتوقيت غرينتش") == ()


def test_the_published_datetime_carries_the_offset() -> None:
    import arnews

    art = arnews.parse_text(
        "عنوان الخبر\nالجمعة 15 نوفمبر 2024 الساعة 10:30 بتوقيت مكة\nقال الوزير إن الاجتماع مثمر."
    )
    assert art.published == dt.datetime(2024, 11, 15, 7, 30, tzinfo=dt.timezone.utc)


# --- a time written before the date (conventions §5.8, table case t15; page headers) ------


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("10:30 ص 15 نوفمبر 2024", "10:30 ص 15 نوفمبر 2024", "2024-11-15T10:30"),
        ("10:30 ص الجمعة 15 نوفمبر 2024", "10:30 ص الجمعة 15 نوفمبر 2024", "2024-11-15T10:30"),
        # the noon «of» a day, in the construct state; «في» before «الساعة» is left out
        (
            "وصل في الساعة 1:14 ظهر 2 أكتوبر 2018 إلى القنصلية",
            "الساعة 1:14 ظهر 2 أكتوبر 2018",
            "2018-10-02T13:14",
        ),
        (
            "عند الساعة الثامنة من صباح 15 نوفمبر 2024 بدأ التصويت",
            "الساعة الثامنة من صباح 15 نوفمبر 2024",
            "2024-11-15T08:00",
        ),
        # page headers: the zone before or after the time
        ("GMT 17:27 17.03.2020", "GMT 17:27 17.03.2020", "2020-03-17T17:27+00:00"),
        ("17:27 GMT 17.03.2020", "17:27 GMT 17.03.2020", "2020-03-17T17:27+00:00"),
        ("(محدثة GMT 17:49 17.03.2020)", "GMT 17:49 17.03.2020", "2020-03-17T17:49+00:00"),
        ("GMT+3 17:27 17.03.2020", "GMT+3 17:27 17.03.2020", "2020-03-17T17:27+03:00"),
        (
            "10:30 بتوقيت مكة - 15/11/2024",
            "10:30 بتوقيت مكة - 15/11/2024",
            "2024-11-15T10:30+03:00",
        ),
        # separators, a tatweel inside the period word, a bare hour after «الساعة»
        ("02:00 مـساءً | 15 نوفمبر 2024", "02:00 مـساءً | 15 نوفمبر 2024", "2024-11-15T14:00"),
        ("قال الساعة 9 مساء، 5 مايو 2018 إن", "الساعة 9 مساء، 5 مايو 2018", "2018-05-05T21:00"),
        ("الساعة 21 15/11/2024", "الساعة 21 15/11/2024", "2024-11-15T21:00"),
        ("٠٢:٠٠ م ١٥ نوفمبر ٢٠٢٤", "٠٢:٠٠ م ١٥ نوفمبر ٢٠٢٤", "2024-11-15T14:00"),
    ],
)
def test_a_time_right_before_a_date(sentence: str, text: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.text, mention.value, mention.precision) == (text, value, "minute")
    assert sentence[mention.span.start : mention.span.end] == text


def test_a_time_before_a_relative_day_resolves_the_day() -> None:
    # «2 أكتوبر/ تشرين الأول الجاري»: relative, so no value; the day is resolved, the time kept
    import arnews

    opts = arnews.ParseOptions(reference_time=dt.date(2018, 10, 19))
    art = arnews.parse_text(
        "دخل القنصلية في الساعة 1:14 ظهر 2 أكتوبر/ تشرين الأول الجاري.", options=opts
    )
    (mention,) = art.dates
    assert mention.text == "الساعة 1:14 ظهر 2 أكتوبر/ تشرين الأول الجاري"
    assert (mention.value, mention.precision, mention.relative) == (None, "minute", True)
    assert mention.resolved == dt.date(2018, 10, 2)


@pytest.mark.parametrize(
    ("sentence", "texts"),
    [
        # a time followed by something else than a date is nothing
        ("الساعة 10:30 قال إن 15 شخصا قتلوا", []),
        ("الساعة 10:30 ص بدأ الاجتماع", []),
        # anything but a separator between: a word, a sentence's end
        ("في الساعة 10:30 من 15 نوفمبر 2024 قال", ["15 نوفمبر 2024"]),
        ("وصل الساعة 10:30. 15 نوفمبر 2024 يوم", ["15 نوفمبر 2024"]),
        # a month or a year takes no time, before as after
        ("الساعة 10:30 نوفمبر 2024", ["نوفمبر 2024"]),
        # a time the date before has taken is not taken again by the next one
        (
            "الجمعة 15 نوفمبر 2024 - 13:45 16 نوفمبر 2024",
            ["الجمعة 15 نوفمبر 2024 - 13:45", "16 نوفمبر 2024"],
        ),
        # an hour word needs «الساعة»; a bare number is no hour without a period word
        ("في العاشرة 15 نوفمبر 2024", ["15 نوفمبر 2024"]),
        ("فاز بـ 3 15 نوفمبر 2024", ["15 نوفمبر 2024"]),
        # before a day, a bare number needs «الساعة» even with a period word: a count
        ("أصيب 3 مساء 5 مايو 2018", ["5 مايو 2018"]),
        ("أصيب 3 صباح 5 مايو 2018", ["5 مايو 2018"]),
        # a closing quote between a date and a time: the time is not joined (a mention does
        # not start inside quote marks and end outside them)
        (
            "في يوم الأربعاء الموافق “6-10-1436هـ” الساعة 1.30 ظهراً؛ راجعت",
            ["يوم الأربعاء", "6-10-1436هـ"],
        ),
        ("يوم (5 مايو 2018) الساعة 10:30 صباحا", ["5 مايو 2018"]),
    ],
)
def test_what_is_no_time_before_a_date(sentence: str, texts: list[str]) -> None:
    found = find_dates(sentence)
    assert [d.text for d in found] == texts
    assert not found or found[-1].precision != "minute"


# --- minutes in words, a comma after «الساعة» --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("الجمعة 15 نوفمبر 2024 الساعة الرابعة وأربع وعشرين دقيقة", "2024-11-15T04:24"),
        ("الجمعة 15 نوفمبر 2024 الساعة الرابعة وأربع وعشرين دقيقة مساء", "2024-11-15T16:24"),
        ("في 5 مايو 2018 الساعة العاشرة وخمس دقائق", "2018-05-05T10:05"),
        ("في 5 مايو 2018 الساعة العاشرة و خمسة دقائق صباحا", "2018-05-05T10:05"),
        ("في 5 مايو 2018 الساعة العاشرة وعشرين دقيقة", "2018-05-05T10:20"),
        ("في 5 مايو 2018 الساعة الثانية عشرة وخمس عشرة دقيقة", "2018-05-05T12:15"),
        ("في 5 مايو 2018 الساعة الواحدة وواحد وعشرون دقيقة", "2018-05-05T01:21"),
        ("في 5 مايو 2018 الساعة الثانية وخمسة وثلاثين دقيقة ليلا", "2018-05-05T02:35"),
        ("في 5 مايو 2018 الساعة 4 وتسع وخمسين دقيقة", "2018-05-05T04:59"),
        # minutes before the hour, after the period word: ten to midnight is 23:50
        ("في 5 مايو 2018 الساعة العاشرة إلا خمس دقائق", "2018-05-05T09:55"),
        ("في 5 مايو 2018 الساعة الثانية عشرة إلا عشر دقائق ليلا", "2018-05-05T23:50"),
        ("في 5 مايو 2018 الساعة الواحدة إلا 5 دقائق ظهرا", "2018-05-05T12:55"),
        ("في 5 مايو 2018 الساعة 07,00 ت غ", "2018-05-05T07:00+00:00"),
        ("في 5 مايو 2018 الساعة 20,45", "2018-05-05T20:45"),
    ],
)
def test_minutes_in_words_and_a_comma(sentence: str, value: str) -> None:
    mention = _one(sentence)
    assert (mention.value, mention.span.end) == (value, len(sentence))


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        # number words need «دقيقة» after them: «وخمسة أشخاص» is a count
        ("في 5 مايو 2018 الساعة العاشرة وخمسة أشخاص", "5 مايو 2018 الساعة العاشرة"),
        # a comma needs «الساعة» before it; a number with a thousands comma is no time
        ("في 5 مايو 2018 07,00 قال", "5 مايو 2018"),
        ("في 5 مايو 2018 الساعة 1,000 ريال", "5 مايو 2018"),
    ],
)
def test_what_is_no_minute(sentence: str, text: str) -> None:
    assert _one(sentence).text == text


# --- linear time on time-shaped adversarial text ------------------------------------------

_TIME_HOSTILE = {
    "hours": "5 مايو 2018 الساعة {}".format("1" * 40000),
    "links": "5 مايو 2018 الساعة التاسعة " + "و " * 20000,
    "dates with times": "5 مايو 2018 الساعة 1734 " * 200,
    "zones": "5 مايو 2018 الساعة 9 ت غ+" * 200,
    "parts": "5 مايو 2018 الساعة العاشرة إلا " * 200,
    "brackets": "5 مايو 2018 الساعة 9 " + "( " * 20000,
    # a day after a hundred characters of time-shaped text, again and again: each day
    # searches the stretch before it (at most 100 characters back)
    "times before dates": ("الساعة 10:30 ص " * 8 + "5 مايو ") * 50,
    "zones before times": ("GMT " * 20 + "17:27 17.03.2020 ") * 50,
    "digits before dates": ("1 " * 40 + "5 مايو ") * 50,
    "colons before dates": ("1:1:1:1:1:" * 10 + " 5 مايو ") * 50,
    "minute words": "5 مايو 2018 الساعة العاشرة وخمس وعشرين " * 200,
    "hours before days": "الساعة 9 مساء 5 مايو " * 200,
}


@pytest.mark.parametrize("name", sorted(_TIME_HOSTILE))
def test_time_shapes_take_linear_time(name: str) -> None:
    import time

    def best(text: str) -> float:
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            find_dates(text)
            runs.append(time.perf_counter() - start)
        return min(runs)

    unit = _TIME_HOSTILE[name]
    small, large = best(unit * 2), best(unit * 8)
    # four times the text: well under sixteen times the time (quadratic would be 16)
    assert large < 8 * small + 0.002, (small, large)
