"""Hypothesis strategies: Arabic words and sentences, article-shaped text, noisy input."""

from __future__ import annotations

from hypothesis import strategies as st

from arnews.text import chars

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوية" + "أإآىءؤئ"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652" + chars.TATWEEL
INVISIBLES = "\u200c\u200d\u200e\u200f\u061c\u202b\u202c\ufeff"

words = st.text(alphabet=ARABIC_LETTERS, min_size=2, max_size=9)
numbers = st.integers(min_value=0, max_value=3000).map(str)
punctuation = st.sampled_from(["،", ".", "؟", ":", "!", "«", "»", '"', "(", ")", "-", "ـ"])
tokens = st.one_of(words, words, words, numbers, punctuation)
sentences = st.lists(tokens, min_size=1, max_size=25).map(" ".join)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
separators = st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\n\n"])


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Article-shaped text: maybe a headline, maybe a dateline, paragraphs and headings."""
    parts: list[str] = []
    if draw(st.booleans()):
        parts.append(" ".join(draw(st.lists(words, min_size=2, max_size=10))))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["الرياض - واس:", "دبي ـ العربية.نت", "(CNN)--"])))
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        parts.append(draw(st.one_of(paragraphs, paragraphs, sentences)))
    pieces = []
    for part in parts:
        pieces.append(part)
        pieces.append(draw(separators))
    return "".join(pieces)


@st.composite
def sprinkled(draw: st.DrawFn, text: str) -> str:
    """``text`` with diacritics, tatweel and invisible marks inserted after letters."""
    out = []
    for ch in text:
        out.append(ch)
        if ch in ARABIC_LETTERS and draw(st.integers(0, 5)) == 0:
            out.append(draw(st.sampled_from(MARKS + INVISIBLES)))
    return "".join(out)


# --- dates rendered in Arabic (conventions §5) ----------------------------------------------

# Month names per regional series, written independently of arnews/data (conventions §5.1).
GREGORIAN_SERIES: dict[str, tuple[str, ...]] = {
    "egypt": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "levant": (
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ),
    "maghreb": (
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "morocco": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ),
}
HIJRI_MONTHS: tuple[tuple[str, ...], ...] = (
    ("محرم", "المحرم"),
    ("صفر",),
    ("ربيع الأول", "ربيع الاول"),
    ("ربيع الآخر", "ربيع الثاني"),
    ("جمادى الأولى", "جمادى الاولى"),
    ("جمادى الآخرة", "جمادى الثانية"),
    ("رجب",),
    ("شعبان",),
    ("رمضان",),
    ("شوال",),
    ("ذو القعدة", "ذي القعدة"),
    ("ذو الحجة", "ذي الحجة"),
)
DIGIT_SETS: dict[str, str] = {
    "ascii": "0123456789",
    "arabic-indic": chars.ARABIC_INDIC_DIGITS,
    "persian": chars.PERSIAN_DIGITS,
}
DATE_FRAMES = (
    "قال الوزير في {} إن الاجتماع كان مثمرا.",
    "وأعلنت الوزارة بتاريخ {} عن خطة جديدة",
    "{}",
    "ومنذ {}، لم يتغير شيء في المدينة.",
)


def digits_as(text: str, digit_set: str) -> str:
    """``text`` with its ASCII digits written in ``digit_set`` (a key of DIGIT_SETS)."""
    return text.translate(str.maketrans("0123456789", DIGIT_SETS[digit_set]))


@st.composite
def rendered_dates(draw: st.DrawFn) -> tuple[str, str, str]:
    """An Arabic sentence holding one date: ``(sentence, calendar, ISO value)``.

    Gregorian: any series, textual or numeric, with or without «م»; Hijri: any month
    variant, with «هـ», «ه» or «هجري». Digits in any of the three sets.
    """
    digit_set = draw(st.sampled_from(sorted(DIGIT_SETS)))
    frame = draw(st.sampled_from(DATE_FRAMES))
    if draw(st.booleans()):
        year = draw(st.integers(1950, 2049))
        month = draw(st.integers(1, 12))
        day = draw(st.integers(1, 28))
        suffix = draw(st.sampled_from(["", "م", " م", " ميلادية"]))
        shape = draw(st.sampled_from(["dmy", "my", "numeric", "iso", "y"]))
        if shape == "dmy":
            name = GREGORIAN_SERIES[draw(st.sampled_from(sorted(GREGORIAN_SERIES)))][month - 1]
            text, value = f"{day} {name} {year}{suffix}", f"{year:04d}-{month:02d}-{day:02d}"
        elif shape == "my":
            name = GREGORIAN_SERIES[draw(st.sampled_from(sorted(GREGORIAN_SERIES)))][month - 1]
            text, value = f"{name} {year}{suffix}", f"{year:04d}-{month:02d}"
        elif shape == "numeric":
            sep = draw(st.sampled_from(["/", "-", " / ", "."]))
            text = f"{day:02d}{sep}{month:02d}{sep}{year}"
            value = f"{year:04d}-{month:02d}-{day:02d}"
        elif shape == "iso":
            text, value = f"{year}-{month:02d}-{day:02d}", f"{year:04d}-{month:02d}-{day:02d}"
        else:
            text, value = f"عام {year}{suffix}", f"{year:04d}"
        return frame.format(digits_as(text, digit_set)), "gregorian", value
    year = draw(st.integers(1350, 1499))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 29))
    name = draw(st.sampled_from(HIJRI_MONTHS[month - 1]))
    suffix = draw(st.sampled_from(["هـ", " هـ", " ه", " هجري", ""]))
    if draw(st.booleans()) and suffix:
        text = f"{day}/{month}/{year}{suffix}"
    else:
        text = f"{day} {name} {year}{suffix}"
    return frame.format(digits_as(text, digit_set)), "hijri", f"{year:04d}-{month:02d}-{day:02d}"
