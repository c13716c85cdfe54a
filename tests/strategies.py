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


# --- hostile input (tests/property/test_hostile.py, docs/robustness.md) ---------------------

# Characters that stress each stage: quote marks, dashes, colons, digits of every set, bidi and
# zero-width marks, controls, surrogates' neighbours, presentation forms, ligatures that NFKC
# expands (ﷺ is 18 characters), line and paragraph separators, markup and entity starts.
HOSTILE_CHARS = (
    "«»“”\"'„‹›‘’"
    + "-–—ـ:؛،.؟!()[]"
    + "0123456789"
    + chars.ARABIC_INDIC_DIGITS
    + chars.PERSIAN_DIGITS
    + "٫٬%"
    + INVISIBLES
    + "\u202a\u202d\u202e\u2066\u2069"
    + "\x00\x07\x0b\x0c\x1b\x7f\x85\u2028\u2029\r\t \u00a0\u3000"
    + "\ufdfa\ufefb\ufdf2\ufb50\ufe8d\ue000\ufffd\U0001f600"
    + "<>&;#/="
    + MARKS
)
hostile_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(ARABIC_LETTERS + " \n"),
        st.sampled_from(HOSTILE_CHARS),
        st.characters(codec="utf-8"),
    ),
    max_size=400,
)
"""Random Unicode weighted towards the characters each stage treats specially."""

_cue_words = st.sampled_from(
    [
        "قال",
        "وقال",
        "أكد",
        "وأضاف",
        "إن",
        "أن",
        "يوم",
        "الأحد",
        "أمس",
        "رمضان",
        "يناير",
        "هـ",
        "م",
        "الرياض",
        "واس",
        "المصدر",
        "مصادر",
        "وفق",
        "بحسب",
        "الوزير",
        "الناطق",
        "عام",
    ]
)
arabic_heavy = st.lists(
    st.one_of(words, _cue_words, _cue_words, numbers, punctuation, st.sampled_from(HOSTILE_CHARS)),
    max_size=120,
).map(lambda toks: "".join(t + (" " if i % 7 else "\n") for i, t in enumerate(toks)))
"""Arabic-heavy token soup: cue words (speech verbs, months, agencies) among letters and marks."""

_TAGS = (
    "html",
    "head",
    "body",
    "title",
    "meta",
    "p",
    "div",
    "article",
    "span",
    "a",
    "h1",
    "h2",
    "br",
    "script",
    "style",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "time",
    "header",
    "footer",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "iframe",
    "svg",
    "math",
    "template",
    "noscript",
    "blockquote",
    "xi:include",
    "base",
    "link",
    "img",
    "object",
    "embed",
)
_ATTRS = (
    'class="content"',
    'class="share"',
    'itemprop="articleBody"',
    'href="file:///etc/passwd"',
    'src="http://127.0.0.1:1/x"',
    'content="2024-01-15T10:00:00Z"',
    'property="article:published_time"',
    'name="author"',
    'charset="windows-1256"',
    'http-equiv="refresh" content="0;url=http://127.0.0.1:1/"',
    'onload="alert(1)"',
    'datetime="1445-09-03"',
    'lang="ar" dir="rtl"',
    "x",
    '"',
    "=",
)
_SPECIAL = (
    "<!DOCTYPE html>",
    '<?xml version="1.0" encoding="utf-8"?>',
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>',
    "&lol2;",
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
    "&xxe;",
    "<![CDATA[",
    "]]>",
    "<!--",
    "-->",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&#1610;",
    "&nbsp;",
    "&quot;",
    "<",
    ">",
    '<xi:include href="file:///etc/passwd" parse="text"/>',
    "<?php echo 1 ?>",
    '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-01-15",'
    '"author":{"name":"محمد"},"headline":"عنوان"}</script>',
    '<script type="application/ld+json">{"@graph": [[[[[[[[',
    "\x00",
)


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Random, often broken markup: tags (open, closed, unclosed, misnested), attributes, doctype
    subsets, entities, comments, CDATA and JSON-LD, around Arabic text."""
    parts = [draw(st.sampled_from(["", "<!DOCTYPE html>", "<html>", "<html><head>"]))]
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 5))
        tag = draw(st.sampled_from(_TAGS))
        if kind == 0:
            attrs = " ".join(draw(st.lists(st.sampled_from(_ATTRS), max_size=3)))
            parts.append(f"<{tag} {attrs}>" if attrs else f"<{tag}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(st.sampled_from(_SPECIAL)))
        elif kind == 3:
            parts.append(draw(hostile_text))
        else:
            parts.append(draw(st.one_of(sentences, paragraphs)))
    return "".join(parts)


MUTATIONS = ("delete", "insert", "duplicate", "truncate", "swap", "controls", "quotes", "bytes")


@st.composite
def mutated(draw: st.DrawFn, text: str) -> str | bytes:
    """``text`` (a real article) after a few random edits: a range deleted, duplicated or moved,
    hostile characters inserted, cut short, or its UTF-8 bytes damaged (returned as bytes)."""
    for _ in range(draw(st.integers(1, 4))):
        n = len(text)
        i = draw(st.integers(0, n))
        j = draw(st.integers(i, min(n, i + 2000)))
        op = draw(st.sampled_from(MUTATIONS))
        if op == "delete":
            text = text[:i] + text[j:]
        elif op == "insert":
            text = text[:i] + draw(st.one_of(hostile_text, arabic_heavy, markup())) + text[i:]
        elif op == "duplicate":
            text = text[:j] + text[i:j] * draw(st.integers(1, 20)) + text[j:]
        elif op == "truncate":
            text = text[:i]
        elif op == "swap":
            text = text[j:] + text[i:j] + text[:i]
        elif op == "controls":
            text = (
                text[:i]
                + draw(st.sampled_from(["\x00", "\r", "\x0c", "\u2028", "\ufeff"]))
                + text[i:]
            )
        elif op == "quotes":
            text = (
                text[:i]
                + draw(st.sampled_from(["«", "»", '"', "“", "”"])) * draw(st.integers(1, 50))
                + text[i:]
            )
        else:
            data = bytearray(text.encode("utf-8"))
            for _ in range(draw(st.integers(1, 10))):
                if data:
                    data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
            return bytes(data)
    return text
