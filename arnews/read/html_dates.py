"""Timestamps as pages write them: machine forms (ISO 8601 in metadata) and the common visible
Arabic forms near a headline («الأربعاء، 07 أكتوبر 2020 - 12:09 م», «الجمعة 24 نيسان / أبريل
2020 09:22 مساءً», «17:27 17.03.2020»).

This is the HTML reader's own small grammar for page timestamps; dates in running text are the
date detector's job. A time without a stated offset gives a ``date`` (the day the page shows),
never a naive ``datetime``.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Final

import regex

from arnews import data
from arnews.text.fold import fold, match_key

__all__ = ["parse_machine_date", "parse_page_date", "url_date"]

Stamp = dt.datetime | dt.date

# ISO 8601 as found in metadata: «2020-06-03T03:01+0400», «2020-12-01 02:00:00»,
# «2020-03-17T17:27:41Z», «2019-02-08T00:00:00+01:00», «2020-11-09».
_ISO: Final = regex.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
# Numeric day-first or year-first forms in visible text: «17.03.2020», «08/03/2023»,
# «2019/02/09», «8-03-2023».
_NUMERIC_DMY: Final = regex.compile(
    r"(?<!\d)(?P<d>\d{1,2})[./-](?P<m>\d{1,2})[./-](?P<y>\d{4})(?!\d)"
)
_NUMERIC_YMD: Final = regex.compile(
    r"(?<!\d)(?P<y>\d{4})[./](?P<m>\d{1,2})[./](?P<d>\d{1,2})(?!\d)"
)
# A URL path with the date in it: «/2018/10/14/», «/story/2020/8/24/», «/2020-06-03-1.387».
_URL_DATE: Final = regex.compile(
    r"/(?P<y>(?:19|20)\d{2})(?P<sep>[/-])(?P<m>[01]?\d)(?P=sep)(?P<d>[0-3]?\d)(?:[/_.-]|$)"
)

_MIN_YEAR: Final = 1990
_MAX_YEAR: Final = 2100


@functools.cache
def _month_pattern() -> tuple[regex.Pattern[str], dict[str, int]]:
    """«DD MONTH[/ MONTH] YYYY» over the folded text, months from ``html_months.txt``."""
    names: dict[str, int] = {}
    for entry in data.entries("html_months"):
        number = int(entry[0])
        for name in entry[1:]:
            names[match_key(name).lower()] = number
    alternatives = "|".join(regex.escape(n) for n in sorted(names, key=len, reverse=True))
    # «14 تشرين الاول/اكتوبر 2018», «24 نيسان / ابريل 2020», «8 فيفري 2019», «03 يونيو 2020»
    pattern = regex.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})\s*(?P<m1>{alternatives})(?:\s*[/(،-]?\s*(?:{alternatives})\)?)?"
        rf"\s*[,،]?\s*(?P<y>\d{{4}})(?!\d)",
        regex.IGNORECASE,
    )
    return pattern, names


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
    return dt.timezone(sign * dt.timedelta(hours=hours, minutes=minutes))


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
    m = _ISO.search(fold(value).text)
    if m is None:
        return None
    day = _day(m["y"], m["m"], m["d"])
    if day is None:
        return None
    if m["H"] is None or m["tz"] is None:
        return day
    zone = _offset(m["tz"])
    hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    if zone is None or hour > 23 or minute > 59 or second > 59:
        return day
    return dt.datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def parse_page_date(text: str) -> dt.date | None:
    """The first calendar day written in a visible page timestamp.

    Args:
        text: a short text such as «الأربعاء، 07 أكتوبر 2020 - 12:09 م».

    Returns:
        The day, or ``None``.

    >>> parse_page_date("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً")
    datetime.date(2020, 4, 24)
    >>> parse_page_date("GMT 17:27 17.03.2020")
    datetime.date(2020, 3, 17)
    """
    folded = fold(text[:400]).text
    pattern, names = _month_pattern()
    found: list[tuple[int, dt.date]] = []
    if (m := pattern.search(folded)) is not None:
        day = _day(m["y"], names[m["m1"].lower()], m["d"])
        if day is not None:
            found.append((m.start(), day))
    if (m := _ISO.search(folded)) is not None and (day := _day(m["y"], m["m"], m["d"])):
        found.append((m.start(), day))
    if (m := _NUMERIC_YMD.search(folded)) is not None and (day := _day(m["y"], m["m"], m["d"])):
        found.append((m.start(), day))
    if (m := _NUMERIC_DMY.search(folded)) is not None and (day := _day(m["y"], m["m"], m["d"])):
        found.append((m.start(), day))
    return min(found, key=lambda f: f[0])[1] if found else None


def url_date(url: str) -> dt.date | None:
    """The day written in a URL path («/2020/8/24/», «/2020-06-03-1.3874341»), if any.

    >>> url_date("https://www.youm7.com/story/2020/8/24/some-title/4943459")
    datetime.date(2020, 8, 24)
    """
    m = _URL_DATE.search(url)
    return _day(m["y"], m["m"], m["d"]) if m is not None else None
