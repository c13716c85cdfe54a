"""Timestamps as pages write them: machine forms (ISO 8601 in metadata) and the common visible
Arabic forms near a headline («الأربعاء، 07 أكتوبر 2020 - 12:09 م», «الجمعة 24 نيسان / أبريل
2020 09:22 مساءً», «17:27 17.03.2020»).

Machine forms are read here; visible forms go through the date detector
(:func:`arnews.detect.dates.find_dates`), the one Arabic date grammar of the library. A time
without a stated offset gives a ``date`` (the day the page shows), never a naive ``datetime``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final, TypeAlias, cast

import regex

from arnews.detect.dates import find_dates
from arnews.text.fold import fold

__all__ = ["bare_timestamp", "parse_machine_date", "parse_page_date", "url_date"]

Stamp = dt.datetime | dt.date

# ISO 8601 as found in metadata: «2020-06-03T03:01+0400», «2020-12-01 02:00:00»,
# «2020-03-17T17:27:41Z», «2019-02-08T00:00:00+01:00», «2020-11-09».
_ISO: Final = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
# The groups of an _ISO match: the day always, the time and the offset when written.
_IsoGroups: TypeAlias = tuple[str, str, str, str | None, str | None, str | None, str | None]
# A URL path with the date in it: «/2018/10/14/», «/story/2020/8/24/», «/2020-06-03-1.387».
_URL_DATE: Final = regex.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?:[/_.-]|$)"
)

# What a bare timestamp holds besides its date: digits, «ص»/«م», «مساء», GMT, punctuation.
_TIME_WORDS: Final = regex.compile(r"\d|[صم]\b|مساء|صباحا|GMT|\p{P}")
BARE_CHARS: Final = 80  # a bare timestamp is short (a longer text is none)
_BARE_WORDS: Final = 3  # words beside the date and the time («آخر تحديث», «نشر في»)

# A digit of any script. A mention with a value always has its year in digits (the date
# grammar reads no year written in words), so a text without one holds no day to find.
_DIGIT: Final = re.compile(r"\d")

_MIN_YEAR: Final = 1990
_STAMP_CHARS: Final = 400  # a visible timestamp is short: only its start is read
_FULL_DAY: Final = frozenset({"day", "minute"})
_MAX_YEAR: Final = 2100


def _day(y: str, m: str | int, d: str) -> dt.date | None:
    try:
        day = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day if _MIN_YEAR <= day.year <= _MAX_YEAR else None


def _offset(tz: str) -> dt.timezone | None:
    if tz in ("Z", "UTC", "GMT"):
        return dt.timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 14 or minutes > 59:
        return None
    return dt.timezone(dt.timedelta(0, sign * (hours * 3600 + minutes * 60)))


def parse_machine_date(value: str) -> Stamp | None:
    """An ISO 8601 timestamp from metadata; a ``date`` when it states no offset.

    Args:
        value: the attribute value («2020-06-03T03:01+0400»).

    Returns:
        An aware ``datetime``, a ``date``, or ``None`` when the value is no timestamp.

    >>> parse_machine_date("2020-06-03T03:01+0400").isoformat()
    '2020-06-03T03:01:00+04:00'
    >>> parse_machine_date("2020-12-01 02:00:00")
    datetime.date(2020, 12, 1)
    """
    # folding leaves ASCII as it is (the usual metadata value): only other text is folded
    m = _ISO.search(value if value.isascii() else fold(value).text)
    if m is None:
        return None
    # the groups at once (a call each to read them one by one)
    y, month, d, hours, minutes, seconds, tz = cast("_IsoGroups", m.groups())
    day = _day(y, month, d)
    if day is None:
        return None
    if hours is None or minutes is None or tz is None:
        return day
    zone = _offset(tz)
    hour, minute, second = int(hours), int(minutes), int(seconds or 0)
    if zone is None or hour > 23 or minute > 59 or second > 59:
        return day
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def parse_page_date(text: str) -> dt.date | None:
    """The first calendar day written in a visible page timestamp, by the date detector.

    Relative mentions («اليوم»), bare years and days without a year give nothing: a page
    timestamp states its day in full.

    Args:
        text: a short text such as «الأربعاء، 07 أكتوبر 2020 - 12:09 م».

    Returns:
        The day (a Hijri day as its Gregorian day), or ``None``.

    >>> parse_page_date("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً")
    datetime.date(2020, 4, 24)
    >>> parse_page_date("GMT 17:27 17.03.2020")
    datetime.date(2020, 3, 17)
    """
    head = text[:_STAMP_CHARS]
    if _DIGIT.search(head) is None:
        return None
    for mention in find_dates(head):
        if mention.relative or mention.value is None or mention.precision not in _FULL_DAY:
            continue
        if mention.calendar == "hijri":
            day = mention.gregorian
        else:
            day = _day(*mention.value[:10].split("-"))
        if day is not None:
            return day
    return None


def bare_timestamp(text: str) -> dt.date | None:
    """The day of a text that is a timestamp and little else (a dateline widget, a stamp
    under the headline); ``None`` for running text or text without a full day.

    >>> bare_timestamp("الأربعاء، 07 أكتوبر 2020 - 12:09 م")
    datetime.date(2020, 10, 7)
    >>> bare_timestamp("افتتح الأمير القمة في 07 أكتوبر 2020 بحضور القادة العرب") is None
    True
    """
    if len(text) > BARE_CHARS or _DIGIT.search(text) is None:
        return None
    for mention in find_dates(text):
        if mention.relative or mention.value is None or mention.precision not in _FULL_DAY:
            continue
        day = (
            mention.gregorian
            if mention.calendar == "hijri"
            else _day(*mention.value[:10].split("-"))
        )
        rest = text[: mention.span.start] + " " + text[mention.span.end :]
        if day is not None and len(_TIME_WORDS.sub(" ", rest).split()) <= _BARE_WORDS:
            return day
        return None
    return None


def url_date(url: str) -> dt.date | None:
    """The day written in a URL path («/2020/8/24/», «/2020-06-03-1.3874341»), if any.

    >>> url_date("https://www.youm7.com/story/2020/8/24/some-title/4943459")
    datetime.date(2020, 8, 24)
    """
    m = _URL_DATE.search(url)
    return _day(m["y"], m["m"], m["d"]) if m is not None else None
