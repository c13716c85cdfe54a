"""Adversarial inputs of a chosen size, shared by the linear-time tests and the profiler.

Each builder takes a size in bytes (UTF-8) and returns about that much input. ``plain`` is
the yardstick: ordinary Arabic news prose (synthetic sentences of the real shapes: datelines,
quotes, speech verbs, dates) in paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable

# Ordinary prose, written for these tests in the shapes of the corpus (conventions §1, §4, §5).
_PROSE = (
    "الرياض - واس:",
    "أعلن وزير الخارجية اليوم الأحد أن الاجتماع الوزاري سيعقد في العاصمة الأسبوع المقبل.",
    "وقال المتحدث باسم الوزارة في بيان: «إن المحادثات كانت مثمرة وبناءة في كل الملفات».",
    "وأضاف أن الجانبين اتفقا على تشكيل لجنة مشتركة لمتابعة تنفيذ الاتفاقات الموقعة.",
    "وكانت الحكومة قد أقرت في 15 يناير 2024 خطة لتطوير البنية التحتية بكلفة 3 مليارات دولار.",
    "من جهته، أكد مصدر مطلع، طلب عدم ذكر اسمه، أن المفاوضات ستستأنف بعد عيد الفطر.",
    "وأشار التقرير إلى أن نسبة النمو بلغت 4.5 في المئة خلال الربع الأول من العام الجاري.",
    "ونقلت وكالة الأنباء الرسمية عن مسؤول قوله إن «الأوضاع الأمنية مستقرة تماما».",
)


def _repeat(unit: str, size: int) -> str:
    n = max(1, size // max(1, len(unit.encode("utf-8"))))
    return unit * n


def plain(size: int) -> str:
    """Ordinary prose: paragraphs of a few sentences, blank lines between them."""
    paragraph = " ".join(_PROSE[1:5]) + "\n\n" + " ".join(_PROSE[5:]) + "\n\n"
    return _repeat(paragraph, size)


def plain_html(size: int) -> str:
    """Ordinary prose as a page: a title, an <h1> and <p> paragraphs."""
    body = "".join(f"<p>{s}</p>\n" for s in _PROSE[1:])
    head = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>قمة الرياض</title></head>"
    tail = "</article></body></html>"
    return head + "<body><article><h1>قمة الرياض</h1>" + _repeat(body, size) + tail


_FIRST = ("خالد", "محمد", "سعيد", "عمر", "يوسف", "فهد", "ناصر", "سلمان", "طارق", "زياد")
_FAMILY = ("الحربي", "العتيبي", "القحطاني", "الشمري", "الدوسري", "المطيري", "الغامدي")


def many_people(size: int) -> str:
    """A long article of many paragraphs, each quoting a different person («وقال خالد
    الحربي …»), with a pronoun continuation («وأضاف أن …») and a day and month without a
    year: the number of sources and of dates grows with the text."""
    paragraphs = []
    total = 0
    i = 0
    while total < size:
        name = f"{_FIRST[i % len(_FIRST)]} {_FAMILY[(i // len(_FIRST)) % len(_FAMILY)]}"
        if i >= len(_FIRST) * len(_FAMILY):
            name += f" {_FIRST[(i // 70) % len(_FIRST)]}"
        paragraph = (
            f"وقال {name} إن الاجتماع عقد في {i % 28 + 1} يناير بحضور الوفود كافة. "
            "وأضاف أن اللجنة ستتابع تنفيذ ما اتفق عليه في الأسابيع المقبلة.\n\n"
        )
        paragraphs.append(paragraph)
        total += len(paragraph.encode("utf-8"))
        i += 1
    return "".join(paragraphs)


Builder = Callable[[int], str]

ADVERSARIAL: dict[str, tuple[Builder, bool | None]] = {
    # name: (builder, html flag for the pipeline: False text, True page)
    "unbalanced «": (lambda n: _repeat("«", n), False),
    'unbalanced "': (lambda n: _repeat('"', n), False),
    "quote marks in prose": (lambda n: _repeat("قال «الوزير ", n), False),
    "no spaces (one letter)": (lambda n: _repeat("ا", n), False),
    "no spaces (words)": (lambda n: _repeat("الوزيرقالإن", n), False),
    "speech verbs in a row": (lambda n: _repeat("قال ", n), False),
    "mixed speech verbs": (lambda n: _repeat("وأضاف قال أكد وأوضح إن ", n), False),
    "tiny paragraphs": (lambda n: _repeat("ا\n", n), False),
    "blank lines": (lambda n: _repeat("\n", n), False),
    "digits": (lambda n: _repeat("1", n), False),
    "digits and spaces": (lambda n: _repeat("12 ", n), False),
    "numeric dates": (lambda n: _repeat("2020/01/15 ", n), False),
    "textual dates": (lambda n: _repeat("15 يناير 2024 ", n), False),
    "hijri dates": (lambda n: _repeat("3 رمضان 1445هـ ", n), False),
    "one huge line": (lambda n: plain(n).replace("\n", " "), False),
    "dashes": (lambda n: _repeat("ـ - ", n), False),
    "datelines": (lambda n: _repeat("الرياض - واس:\n", n), False),
    "colons": (lambda n: _repeat(":", n), False),
    "entities": (lambda n: _repeat("&quot;", n), False),
    "diacritics": (lambda n: _repeat("\u064e", n), False),
    "nested tags": (lambda n: "<html><body>" + _repeat("<div>", n // 2) + "نص", True),
    "unclosed <p>": (lambda n: "<html><body>" + _repeat("<p>ا", n), True),
    "many attributes": (lambda n: "<html><body><p " + _repeat('a="b" ', n) + ">نص</p>", True),
    "html plain": (plain_html, True),
    "many people quoted": (many_people, False),
}
"""Every adversarial input, by name."""
