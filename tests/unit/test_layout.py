"""Layout on short synthetic articles built from shapes seen in real ones (conventions §4)."""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

import arnews

BODY = "قال الوزير في مؤتمر صحفي إن الاجتماع كان مثمراً وتناول القضايا المشتركة بين البلدين."
BODY2 = "وأضاف أن العمل سيستمر في الأشهر المقبلة لتعزيز التعاون في جميع المجالات الاقتصادية."


@pytest.mark.parametrize(
    ("line", "place", "agency", "byline"),
    [
        ("الرياض - واس:", "الرياض", "واس", ()),
        ("المنامة: عبيد السهيمي", "المنامة", None, ("عبيد السهيمي",)),
        ("دبي ـ العربية.نت", "دبي", "العربية.نت", ()),
        ("أبوظبي - سكاي نيوز عربية", "أبوظبي", "سكاي نيوز عربية", ()),
        ("الطائف : واس", "الطائف", "واس", ()),
        ("واس (جدة)", "جدة", "واس", ()),
        ("نصير المغامسي (جدة)", "جدة", None, ("نصير المغامسي",)),
        ("لا باز: «الشرق الأوسط»", "لا باز", "الشرق الأوسط", ()),
        ('"الاقتصادية" من الرياض', "الرياض", "الاقتصادية", ()),
        ("الرياض26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس", "الرياض", "واس", ()),
        ("فهد عامر الأحمدي", None, None, ("فهد عامر الأحمدي",)),
        ("فرانس 24", None, "فرانس 24", ()),
    ],
)
def test_dateline_lines(
    line: str, place: str | None, agency: str | None, byline: tuple[str, ...]
) -> None:
    art = arnews.parse_text(f"عنوان الخبر هنا\n\n{line}\n\n{BODY}\n{BODY2}")
    assert art.headline == "عنوان الخبر هنا"
    assert art.dateline is not None
    assert art.dateline.text == line
    assert art.text[art.dateline.span.slice] == line
    assert (art.dateline.place, art.dateline.agency, art.byline) == (place, agency, byline)
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]


@pytest.mark.parametrize(
    ("opener", "place", "agency"),
    [
        ("(CNN)--", None, "CNN"),
        ("دمشق، سوريا (CNN) --", "دمشق، سوريا", "CNN"),
        ("واشنطن (رويترز) -", "واشنطن", "رويترز"),
        ("القاهرة (أ ف ب) -", "القاهرة", "أ ف ب"),
        ("الرياض - واس:", "الرياض", "واس"),
    ],
)
def test_inline_openers_become_their_own_line(opener: str, place: str | None, agency: str) -> None:
    art = arnews.parse_text(f"عنوان الخبر هنا\n\n{opener} {BODY}\n{BODY2}")
    assert art.dateline is not None
    assert art.dateline.text == opener
    assert (art.dateline.place, art.dateline.agency) == (place, agency)
    assert art.paragraphs[0].text == BODY


def test_a_sentence_in_parentheses_is_not_a_dateline() -> None:
    art = arnews.parse_text(f"عنوان الخبر هنا\n\nقال الوزير (رويترز) - {BODY}")
    assert art.dateline is None


def test_no_headline_when_the_text_opens_with_a_paragraph() -> None:
    art = arnews.parse_text(f"{BODY}\n\n{BODY2}")
    assert art.headline is None
    assert len(art.paragraphs) == 2


def test_single_newlines_separate_paragraphs_and_headings() -> None:
    art = arnews.parse_text(f"العنوان الرئيسي\n\n{BODY}\nكيف ردت إيران؟\n{BODY2}\n{BODY}")
    assert [s.heading for s in art.sections] == [None, "كيف ردت إيران؟"]
    assert [len(s.paragraphs) for s in art.sections] == [1, 2]
    for s in art.sections:
        if s.heading_span is not None:
            assert art.text[s.heading_span.slice] == s.heading


def test_hard_wrapped_text_is_reflowed() -> None:
    words = (BODY + " " + BODY2).split() * 3
    lines, line = [], ""
    for w in words:
        if len(line) + len(w) + 1 > 75:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}".strip()
    lines.append(line)
    art = arnews.parse_text("\n".join(lines))
    assert art.headline is None
    assert len(art.paragraphs) <= 3
    assert " ".join(p.text for p in art.paragraphs) == " ".join(words)


@pytest.mark.parametrize(
    "furniture",
    [
        ["شاركها."],
        ["اقرأ أيضا|", "أول تعليق من ترامب بشأن القضية.. وتصريح من الوزير"],
        ["قد يهمك|", "إليكم أبرز تصريحات الوزير"],
        ["اقرأ أيضا: الصراع في اليمن في سطور", "بالفيديو: أطفال يروون قصصهم"],
        ["// انتهى //", "18:18 ت م"],
        ["----------------------"],
        ["#السعودية #الرياض"],
        ["يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق بي بي سي عربي."],
    ],
)
def test_boilerplate_is_removed_and_reported(furniture: list[str]) -> None:
    text = "\n".join(["العنوان الرئيسي", "", BODY, *furniture, BODY2])
    art = arnews.parse_text(text)
    assert [p.text for p in art.paragraphs] == [BODY, BODY2]
    assert art.boilerplate == tuple(furniture)
    for line in furniture:
        assert line not in art.text


def test_share_widget_glued_to_the_first_paragraph() -> None:
    art = arnews.parse_text(
        f"العنوان الرئيسي\n\nشارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك {BODY}"
    )
    assert art.paragraphs[0].text == BODY
    assert art.boilerplate == ("شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك",)


def test_html_entities_are_unescaped() -> None:
    art = arnews.parse_text("العنوان الرئيسي\n\nقال الوزير: &quot;نعم&quot;&nbsp;للحوار.")
    assert art.paragraphs[0].text == 'قال الوزير: "نعم" للحوار.'


@pytest.mark.parametrize(
    ("residue", "code"),
    [
        ("[أدخل التاريخ هنا]", "date.placeholder"),
        ("{{date}}", "date.placeholder"),
        ("XX/XX/XXXX", "date.placeholder"),
        ("00/00/0000", "date.placeholder"),
        ("[أدخل اسم المسؤول]", "text.placeholder"),
    ],
)
def test_placeholders_are_noticed(residue: str, code: str) -> None:
    art = arnews.parse_text(f"عقد الاجتماع يوم {residue} في الرياض.")
    notices = [n for n in art.notices if "placeholder" in n.code]
    assert [n.code for n in notices] == [code]
    span = notices[0].span
    assert span is not None
    assert art.text[span.slice] == residue


def test_empty_and_blank_input() -> None:
    for text in ("", "   \n\n  ", "\ufeff"):
        art = arnews.parse_text(text)
        assert art.text == ""
        assert art.sections == ()
        assert art.headline is None


def test_timeline_dates_are_headings_over_short_entries() -> None:
    entry1 = "وزارة الخارجية تستدعي السفير في العاصمة بسبب الأزمة الأخيرة"
    entry2 = "الرئاسة تعلن أن معلوماتها تفيد بوجود الصحفي داخل المبنى"
    art = arnews.parse_text(
        f"تسلسل زمني للأزمة\n\n{BODY}\n2 أكتوبر\n{entry1}\n{entry2}\n3 أكتوبر\n{BODY2}"
    )
    assert [s.heading for s in art.sections] == [None, "2 أكتوبر", "3 أكتوبر"]
    assert [len(s.paragraphs) for s in art.sections] == [1, 2, 1]


def test_the_last_item_of_a_list_is_not_a_heading() -> None:
    items = [
        "كارلوس إدواردو الهلال سبعة ملايين يورو برازيلي الجنسية",
        "مونتاري الاتحاد ستة ملايين يورو غاني الجنسية هذا الموسم",
        "الميدا الهلال خمسة ملايين يورو برازيلي الجنسية أيضا",
    ]
    art = arnews.parse_text("\n".join(["العنوان الرئيسي", "", BODY, *items, BODY2]))
    assert [s.heading for s in art.sections] == [None]


def test_bulleted_short_lines_are_headings() -> None:
    art = arnews.parse_text(
        f"قرعة التصفيات\n\n{BODY}\n* المجموعة الأولى: هولندا.. فرنسا\n"
        f"* المجموعة الثانية: البرتغال.. سويسرا\n{BODY2}"
    )
    assert [s.heading for s in art.sections] == [
        None,
        "* المجموعة الأولى: هولندا.. فرنسا",
        "* المجموعة الثانية: البرتغال.. سويسرا",
    ]


@pytest.mark.parametrize(
    "headline",
    [
        'وزير الخارجية اليمني: "لا نخطط لتدمير البنية التحتية"',
        "«عنب».. بيروتي أصيل",
        "«جعجعة» المالكي ..",
        "موقع إخباري عربي عملاق ينطلق قريبا من أبوظبي",
        'لندن: الرد الروسي "لا يغير شيئا"',
    ],
)
def test_headlines_that_look_a_little_like_datelines(headline: str) -> None:
    art = arnews.parse_text(f"{headline}\n\nأبوظبي - سكاي نيوز عربية\n\n{BODY}")
    assert art.headline == headline
    assert art.dateline is not None
    assert art.dateline.agency == "سكاي نيوز عربية"


def test_place_colon_opener() -> None:
    art = arnews.parse_text(f"دبي: {BODY}\n\n{BODY2}")
    assert art.dateline is not None
    assert art.dateline.place == "دبي"
    assert art.paragraphs[0].text == BODY


# --- fast paths agree with the plain definitions they replace ---------------------------

_DATELINE_PIECES = st.sampled_from(
    [
        "الرياض",
        "دبي",
        "واس",
        "رويترز",
        "سكاي نيوز عربية",
        "خالد دغريري",
        "من",
        " من ",
        "ا",
        " ",
        "  ",
        " - ",
        "ـ",
        ":",
        "،",
        "/",
        "(",
        ")",
        "«",
        "»",
        '"',
        "26 شوال 1436 هـ",
        "11 اغسطس 2015 م",
        "قال الوزير",
        "\u00a0",
        "\t",
    ]
)


@given(st.lists(_DATELINE_PIECES, max_size=12).map("".join))
@example("ا من /")  # a one-letter first word: the part takes the next word, even «من»
@example("خالد من جدة")
@settings(max_examples=300)
def test_dateline_parts_match_the_lazy_grammar(line: str) -> None:
    """The word-by-word part pattern finds what the original lazy pattern (a look-ahead
    at every character) finds."""
    from arnews.layout import dateline

    sep = r"-–—ـ_:/|،,()«»\"“”"
    reference = regex.compile(
        r"\((?P<paren>[^()]{1,40})\)"
        r"|[«\"“”](?P<quoted>[^«»\"“”]{1,40})[»\"“”]"
        rf"|(?P<plain>[^{sep}\s](?:[^{sep}]*?[^{sep}\s])?)"
        rf"(?=\s*(?:$|[{sep}]|\s+من\s+))"
    )
    found = [(m.span(), m.lastgroup) for m in dateline._PART.finditer(line)]
    assert found == [(m.span(), m.lastgroup) for m in reference.finditer(line)]


class _Everything(frozenset[str]):
    def isdisjoint(self, other: object) -> bool:
        return False


@given(st.lists(_DATELINE_PIECES, max_size=10).map("".join), st.booleans())
def test_the_known_word_filter_changes_no_dateline(line: str, byline_only_ok: bool) -> None:
    """Lines naming no known place, agency or filler are skipped unread: the same result
    as reading them."""
    from arnews.layout import dateline

    fast = dateline.parse_dateline_line(line, byline_only_ok=byline_only_ok)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dateline, "_first_words", lambda: _Everything())
        slow = dateline.parse_dateline_line(line, byline_only_ok=byline_only_ok)
    assert fast == slow


@given(
    st.lists(
        st.sampled_from(["قال", "الوزير", " ", "  ", "\n", "\n\n", "\u00a0", "\t", "\r", "&amp;"]),
        max_size=30,
    ).map("".join)
)
def test_whole_text_tidying_matches_line_by_line(text: str) -> None:
    """read_text tidies a text without entities whole; the lines are those tidy() gives."""
    from arnews.read.text import read_text, tidy

    expected = [t for t in (tidy(raw) for raw in text.split("\n")) if t]
    blocks = read_text(text).blocks
    if len(expected) < 4:  # (no re-flowing of hard-wrapped lines in so few)
        assert [b.text for b in blocks] == expected


@given(st.text(alphabet=st.sampled_from("اأإآٱىیةکـقرلم "), max_size=12))
def test_furniture_first_word_spellings(word: str) -> None:
    """A first word is looked up as written among every spelling that folds to a phrase's
    first word: the same as folding it."""
    from arnews.layout import boilerplate
    from arnews.text.fold import FOLD_TABLE

    word = word.replace(" ", "")
    folded = word.replace("ـ", "").translate(FOLD_TABLE)
    spelled = word.replace("ـ", "") in boilerplate.furniture_first_words()
    assert spelled == (folded in boilerplate._first_words())
    for phrase_word in boilerplate._first_words():
        assert phrase_word in boilerplate.furniture_first_words()


@given(
    st.lists(
        st.sampled_from(["اقرأ", "أيضا", "شارك", "وقال", "ـ", "َ", " ", "//", "«", "1", "Next"]),
        max_size=8,
    ).map("".join)
)
def test_furniture_key_matches_its_definition(line: str) -> None:
    """The first word taken without the regex when the line opens with letters: the same
    key (or None) as the definition (first run of letters, tatweel dropped, folded)."""
    from arnews.layout import boilerplate
    from arnews.text.fold import FOLD_TABLE

    m = boilerplate._FIRST_WORD.match(line)
    if m is not None and (
        m.group(1).replace("ـ", "").translate(FOLD_TABLE) not in boilerplate._first_words()
    ):
        expected = None
    else:
        expected = boilerplate.head_key(line)
    assert boilerplate.furniture_key(line) == expected


@given(st.text(alphabet="X0x_/.-#ـا« \t" + "وقال", max_size=12))
@example("// انتهى //")
@example("#السعودية")
@example("\tقال")
def test_shape_furniture_opens_with_a_shape_character(line: str) -> None:
    """Layout keeps a line opening with another character without asking the shape tests
    (end mark, rule, hashtags): none of them holds for such a line."""
    from arnews.layout import _SHAPE_FIRST, boilerplate

    first = line[:1]
    if first and first not in _SHAPE_FIRST and not first.isspace():
        assert not boilerplate.is_end_mark(line)
        assert not boilerplate.is_rule_or_hashtags(line)


@given(st.text(alphabet="X0x_/.-[]{}أدخل insert date", max_size=24))
@example("00/00/0000")
@example("xx-xx-xx")
@example("__.__.____")
def test_placeholder_precheck_lets_every_placeholder_through(text: str) -> None:
    from arnews.layout import _PLACEHOLDER, _may_hold_placeholder

    if _PLACEHOLDER.search(text) is not None:
        assert _may_hold_placeholder(text)


def test_folding_makes_no_opener_mark() -> None:
    """parse_dateline_prefix looks for «(», «:» or «/» before folding: every opener pattern
    needs one, and no character folds into one of them."""
    from arnews.layout import dateline
    from arnews.text.fold import FOLD_TABLE, fold

    forms = [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]  # folded by NFKC
    assert not any(set(fold(chr(c)).text) & set("(:/") for c in forms)
    assert not any(out in "(:/" for out in FOLD_TABLE.values())
    for pattern in (dateline._PAREN_OPENER, dateline._SEP_OPENER, dateline._PLACE_OPENER):
        assert pattern.match("الرياض - واس أكد الوزير أن الاجتماع مثمر") is None


@given(st.text(alphabet=".,،؛…\"'»”)]\n ابج", max_size=10))
@example("كيف..")
@example("نص.»")
@example("نص.\n")
def test_ends_clause_is_its_pattern(text: str) -> None:
    """The end-of-clause test by hand: the same answer as the pattern searched anywhere."""
    from arnews.layout import _CLAUSE_END, _ends_clause

    assert _ends_clause(text) == (_CLAUSE_END.search(text) is not None)


@given(st.text(alphabet="اب 1.«ـَ\u200f*•و", max_size=8))
def test_headline_shape_letter_test_is_two_letters(text: str) -> None:
    """Two letters opening a line settle the letter test: the same as two letters anywhere."""
    from arnews.layout import _LETTER, _is_headline_like

    expected = len(_LETTER.findall(text)) >= 2 and not _is_clause_end(text)
    assert _is_headline_like(text, 30, 250) == expected


def _is_clause_end(text: str) -> bool:
    from arnews.layout import _CLAUSE_END

    return _CLAUSE_END.search(text) is not None


@given(st.text(alphabet="انتهىـ/#-. ب\t", max_size=12))
@example("انتهى")
@example("انتهى //")
@example("ـــــ")
@example("ـــ ـــ")
def test_a_line_opening_with_a_word_is_no_shape_furniture(line: str) -> None:
    """Layout keeps a line whose first word is letters (not «انتهى», not tatweel-led) without
    the shape tests: none of them holds for it."""
    from arnews.layout import _END_WORD, boilerplate

    end = line.find(" ")
    word = line if end < 0 else line[:end]
    if word and word.isalpha() and word[0] != "ـ" and word != _END_WORD:
        assert not boilerplate.is_end_mark(line)
        assert not boilerplate.is_rule_or_hashtags(line)
