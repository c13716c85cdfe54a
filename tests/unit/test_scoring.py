"""The scorer of benchmarks/evaluate.py on hand-made gold/prediction pairs (GOLD.md rules).

These pin the scoring rules themselves, so that they cannot drift while the code they
score changes: folding, one-to-one matching, the quote ``content_start`` rule, speaker
containment without titles, date overlap and date values.
"""

from __future__ import annotations

import datetime as dt
import doctest
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arnews import (
    Article,
    Attribution,
    Dateline,
    DateMention,
    Paragraph,
    Quote,
    Section,
    Source,
    Span,
)
from benchmarks import evaluate
from benchmarks.evaluate import (
    Tally,
    check_floors,
    date_overlaps,
    date_value_right,
    fold,
    match_one_to_one,
    quote_found,
    score_article,
    source_matches,
    speaker_matches,
    suggest_floors,
)
from tests.strategies import sentences, sprinkled


def test_module_doctests() -> None:
    result = doctest.testmod(evaluate)
    assert result.attempted > 0
    assert result.failed == 0


# --- folding --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("أكَّدَ الوزيرُ", "اكد الوزير"),  # diacritics
        ("مـسـاء الخميـس", "مساء الخميس"),  # tatweel
        ("أ إ آ ٱ", "ا ا ا ا"),  # alef variants
        ("فى المستشفى", "في المستشفي"),  # ى → ي
        ("الجمعة", "الجمعه"),  # ة → ه
        ("٢٦ شوال ١٤٣٦", "26 شوال 1436"),  # Arabic-Indic digits
        ("۱۵ آب", "15 اب"),  # Persian digits
        ("«نحن سعداء» قال", "نحن سعداء قال"),  # guillemets
        ("“لا نخطط” و\"نعم\" و'لا'", "لا نخطط و نعم و لا"),  # other quote marks
        ("الرياض، السعودية؛ لماذا؟", "الرياض السعوديه لماذا"),  # Arabic punctuation
        ("دبي ـ العربية.نت", "دبي العربيه نت"),  # dash-tatweel, dot
        ("قال \u200fالوزير\u200e \u200bاليوم", "قال الوزير اليوم"),  # bidi, zero-width
        ("  الرياض\u00a0\n\t واس  ", "الرياض واس"),  # whitespace, NBSP
        ("&quot;الأمن&quot; &amp; السلام", "الامن السلام"),  # HTML entities
        ("", ""),
        (None, ""),
    ],
)
def test_fold(raw: str | None, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_keeps_latin_case_and_letters() -> None:
    assert fold("(CNN)--") == "CNN"
    assert fold("سكاي نيوز عربية") == "سكاي نيوز عربيه"


NOISE = "أإآٱىة«»\"'&;quot ١٢۳\u200f\u200b\u00a0"


@given(st.one_of(sentences, st.text(alphabet=NOISE, max_size=30)))
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert once == " ".join(once.split())


@given(st.data(), sentences)
def test_marks_and_invisibles_change_no_comparison(data: st.DataObject, text: str) -> None:
    noisy = data.draw(sprinkled(text))
    assert fold(noisy) == fold(text)
    if len(fold(text).split()) >= 2:
        assert quote_found(text, noisy)
        assert date_overlaps(noisy, text)


# --- one-to-one matching -----------------------------------------------------------------------


def test_matching_takes_gold_in_order_against_the_first_unused_prediction() -> None:
    gold = ["الرياض", "جدة", "الرياض"]
    predicted = ["جدة", "الرياض", "الرياض", "مكة"]
    assert match_one_to_one(gold, predicted, lambda g, p: g == p) == [1, 0, 2]


def test_a_prediction_serves_one_gold_item_only() -> None:
    assert match_one_to_one(["أ", "أ"], ["أ"], lambda g, p: g == p) == [0, None]
    assert match_one_to_one([], ["أ"], lambda g, p: True) == []


def test_greedy_order_is_the_rule_even_when_another_pairing_would_find_more() -> None:
    # gold 0 matches both predictions and takes the first; gold 1 only matched that one.
    matches = {("a", "x"), ("a", "y"), ("b", "x")}
    pairs = match_one_to_one(["a", "b"], ["x", "y"], lambda g, p: (g, p) in matches)
    assert pairs == [0, None]


# --- quotes -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content_start", "predicted", "found"),
    [
        # containment, after folding (marks, diacritics, hamza, punctuation)
        ("نحن سعداء بالمشاركة", "«نحنُ سعداء بالمشاركة في البطولة»", True),
        ("المباراة فرصة تاريخية", "إن المباراة فرصة تاريخية للفريقين", True),
        ("فريقي جاهز تماماً للمباراة", "فريقي جاهز تماما للمباراة", True),
        # the predicted text starts one or two words after content_start begins and
        # shares at least two of its words (marks opening after the first words)
        ("الحكومة ستعمل على تحسين الوضع", "ستعمل على تحسين الوضع في البلاد", True),
        ("الحكومة ستعمل على تحسين الوضع", "على تحسين الوضع في البلاد", True),
        # ... but not three words after
        ("الحكومة ستعمل على تحسين الوضع", "تحسين الوضع في البلاد", False),
        # ... and not with a single shared word
        ("الحكومة ستعمل على تحسين", "ستعمل بلا توقف", False),
        # starting at the same word, a shorter prediction still shares two words
        ("الحكومة ستعمل على تحسين الوضع", "الحكومة ستعمل", True),
        # unrelated, or empty
        ("الحكومة ستعمل على تحسين", "قال المتحدث إن الأمن مستتب", False),
        ("الحكومة ستعمل", "", False),
        ("", "الحكومة ستعمل", False),
    ],
)
def test_quote_found(content_start: str, predicted: str, found: bool) -> None:
    assert quote_found(content_start, predicted) is found


# --- speakers and sources ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ("ديسلفا", "ديسلفا", True),
        ("وزير الدفاع الإسرائيلي", "وزير الدفاع الإسرائيلي أفيغدور ليبرمان", True),
        ("الأمير خالد بن سلمان", "خالد بن سلمان", True),
        ("الشيخ محمد بن راشد", "محمد بن راشد", True),
        ("إيران", "إيران", True),
        ("جمانة غنيمات", "غنيمات", True),
        ("جمانة غنيمات", "غُنيمات", True),  # folded
        # containment through a title only: no name in common
        ("الرئيس ترامب", "الرئيس", False),
        ("الدكتور عواجي", "الدكتور", False),
        # containment inside a word is no whole word in common
        ("علي", "عليان", False),
        # neither contains the other
        ("وزير الدفاع", "وزير الخارجية", False),
        ("ديسلفا", "دونيس", False),
        # the same title alone on both sides is the same name
        ("الرئيس", "الرئيس", True),
        ("مدرب الهلال", "", False),
    ],
)
def test_speaker_matches(gold: str, predicted: str, right: bool) -> None:
    assert speaker_matches(gold, predicted) is right


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ('وكالة الأنباء الأردنية "بترا"', "بترا", True),  # contained
        ("مصادر محلية", "مصادر محلية يمنية", True),  # contains
        ("مصدر قضائي ومصادر قريبة من التحقيق", "مصادر قريبة", True),  # shares a word
        ("المتحدث باسم الاتحاد", "الشيخ المتحدث", True),
        ("الشيخ عبدالله بن زايد", "الشيخ خليفة", False),  # shares a title only
        ("الأمم المتحدة", "البيان", False),
        ("الأمم المتحدة", "", False),
    ],
)
def test_source_matches(gold: str, predicted: str, right: bool) -> None:
    assert source_matches(gold, predicted) is right


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "found"),
    [
        ("11 اغسطس 2015 م", "11 أغسطس 2015", True),  # contains (folded)
        ("يوم الخميس", "الخميس", True),  # contained
        ("أبريل/نيسان 2013", "نيسان 2013", True),
        ("مارس (آذار) 2014", "مارس", True),
        ("الثلاثاء الماضي", "الثلاثاء", True),
        ("غداً", "غدا", True),
        ("عام 2017", "2017", True),
        ("غداً", "اليوم", False),
        ("26 شوال 1436 هـ", "11 اغسطس 2015 م", False),
        ("أمس", "", False),
    ],
)
def test_date_overlaps(gold: str, predicted: str, found: bool) -> None:
    assert date_overlaps(gold, predicted) is found


def _date(text: str = "x", **kwargs: Any) -> DateMention:
    return DateMention(text=text, span=Span(start=0, end=len(text)), **kwargs)


HIJRI_GOLD = {
    "text": "26 شوال 1436 هـ",
    "calendar": "hijri",
    "value": "1436-10-26",
    "gregorian": "2015-08-11",
}


@pytest.mark.parametrize(
    ("gold", "predicted", "right"),
    [
        ({"calendar": "gregorian", "value": "2015-08-11"}, _date(value="2015-08-11"), True),
        # the predicted value is cut to the gold's length
        ({"calendar": "gregorian", "value": "2015-08"}, _date(value="2015-08-11"), True),
        (
            {"calendar": "gregorian", "value": "2013"},
            _date(value="2013-04", precision="month"),
            True,
        ),
        (
            {"calendar": "gregorian", "value": "2015-08-11"},
            _date(value="2015-08-11T10:30", precision="minute"),
            True,
        ),
        # a shorter or different prediction is wrong
        ({"calendar": "gregorian", "value": "2015-08-11"}, _date(value="2015-08"), False),
        ({"calendar": "gregorian", "value": "2015-08-11"}, _date(value="2015-08-12"), False),
        ({"calendar": "gregorian", "value": "2015-08-11"}, _date(value=None), False),
        # calendars must agree
        (
            {"calendar": "gregorian", "value": "1436"},
            _date(value="1436", calendar="hijri"),
            False,
        ),
        # gregorian must be equal where the gold gives it
        (
            HIJRI_GOLD,
            _date(value="1436-10-26", calendar="hijri", gregorian=dt.date(2015, 8, 11)),
            True,
        ),
        (
            HIJRI_GOLD,
            _date(value="1436-10-26", calendar="hijri", gregorian=dt.date(2015, 8, 10)),
            False,
        ),
        (HIJRI_GOLD, _date(value="1436-10-26", calendar="hijri"), False),
    ],
)
def test_date_value_right(gold: dict[str, Any], predicted: DateMention, right: bool) -> None:
    assert date_value_right(gold, predicted) is right


# --- tallies and floors ---------------------------------------------------------------------


def test_tally_metrics() -> None:
    t = Tally(matched=3, gold=6, predicted=4)
    assert t.precision == 0.75
    assert t.recall == 0.5
    assert t.f1 == pytest.approx(0.6)
    assert Tally().f1 == 0.0
    assert Tally().accuracy == 0.0
    assert Tally(correct=2, total=8).accuracy == 0.25


def test_floors() -> None:
    assert check_floors({"a.f1": 0.5}, {"a.f1": 0.5}) == []
    assert check_floors({"a.f1": 0.49}, {"a.f1": 0.5}) == ["a.f1: 0.4900 < floor 0.5"]
    assert check_floors({}, {"a.f1": 0.0}) == ["a.f1: no such metric"]
    assert suggest_floors({"x": 0.58, "y": 0.5999, "z": 1.0}) == {"x": 0.58, "y": 0.59, "z": 1.0}


# --- whole articles ---------------------------------------------------------------------------


def _span(text: str, piece: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return Span(start=start, end=start + len(piece))


TEXT = (
    "قمة في الرياض\n\n"
    "الرياض - واس:\n\n"
    "قال الأمير خالد بن سلمان إن «التعاون الدفاعي ركيزة أساسية» للمنطقة.\n\n"
    "مواقف\n\n"
    "وأضاف أن الاجتماع سيعقد غداً، بحسب مصادر مطلعة، في 11 أغسطس 2015 م.\n\n"
    "وأكد المتحدث أن الأمن مستتب."
)


def _quote(piece: str, kind: str, **kwargs: Any) -> Quote:
    return Quote(text=piece, span=_span(TEXT, piece), kind=kind, **kwargs)  # type: ignore[arg-type]


def _article(**kwargs: Any) -> Article:
    return Article(text=TEXT, **kwargs)


GOLD: dict[str, Any] = {
    "id": "synthetic",
    "headline": "قمة في الرياض",
    "dateline": {"text": "الرياض - واس:", "place": "الرياض، السعودية", "agency": "واس"},
    "byline": [],
    "section_headings": ["مواقف", "خاتمة"],
    "quotes": [
        {
            "kind": "direct",
            "speaker": "الأمير خالد بن سلمان",
            "content_start": "التعاون الدفاعي ركيزة",
        },
        {
            "kind": "indirect",
            "speaker": "الأمير خالد بن سلمان",
            "pronoun": True,
            "content_start": "الاجتماع سيعقد غداً",
        },
        {"kind": "indirect", "speaker": None, "content_start": "الوضع تحت السيطرة"},
    ],
    "attributions": [{"source": "مصادر مطلعة", "source_kind": "anonymous", "cue": "بحسب"}],
    "dates": [
        {"text": "غداً", "calendar": "gregorian", "value": None, "relative": True},
        {"text": "11 أغسطس 2015 م", "calendar": "gregorian", "value": "2015-08-11"},
    ],
}


def _counts(score: evaluate.ArticleScore, name: str) -> tuple[int, ...]:
    t = score.tallies[name]
    if evaluate.FIELDS[name] == "prf":
        return (t.matched, t.gold, t.predicted)
    return (t.correct, t.total)


def test_headline_null_is_matched_by_none_only() -> None:
    no_headline = {**GOLD, "headline": None}
    assert _counts(score_article(no_headline, _article()), "headline") == (1, 1)
    assert _counts(score_article(no_headline, _article(headline="قمة")), "headline") == (0, 1)
    assert _counts(score_article(GOLD, _article()), "headline") == (0, 1)
    assert _counts(score_article(GOLD, _article(headline="قمةٌ في «الرياض»")), "headline") == (
        1,
        1,
    )


def test_dateline_place_by_containment_agency_exact() -> None:
    def dateline(place: str | None, agency: str | None) -> Dateline:
        return Dateline(
            text="الرياض - واس:", span=_span(TEXT, "الرياض - واس:"), place=place, agency=agency
        )

    score = score_article(GOLD, _article(dateline=dateline("الرياض", "واس")))
    assert _counts(score, "dateline.place") == (1, 1)
    assert _counts(score, "dateline.agency") == (1, 1)
    score = score_article(GOLD, _article(dateline=dateline("جدة", "واس - الرياض")))
    assert _counts(score, "dateline.place") == (0, 1)
    assert _counts(score, "dateline.agency") == (0, 1)
    score = score_article(GOLD, _article())
    assert _counts(score, "dateline.place") == (0, 1)
    # a gold part that is null is matched by None only
    place_only = {**GOLD, "dateline": {"text": "بيروت:", "place": "بيروت", "agency": None}}
    score = score_article(place_only, _article(dateline=dateline("بيروت", None)))
    assert _counts(score, "dateline.agency") == (1, 1)
    score = score_article(place_only, _article(dateline=dateline("بيروت", "عنب")))
    assert _counts(score, "dateline.agency") == (0, 1)
    # articles whose gold dateline has neither place nor agency do not count
    for gold_dateline in (None, {"text": "فلان", "place": None, "agency": None}):
        score = score_article({**GOLD, "dateline": gold_dateline}, _article())
        assert _counts(score, "dateline.place") == (0, 0)


def test_sections_and_byline_are_exact_after_folding_one_to_one() -> None:
    sections = (
        Section(heading="مواقـف:", heading_span=_span(TEXT, "مواقف")),
        Section(heading="مواقف", heading_span=_span(TEXT, "مواقف")),
        Section(heading="المواقف", heading_span=_span(TEXT, "مواقف")),
        Section(paragraphs=(Paragraph(text="قمة", span=_span(TEXT, "قمة")),)),  # no heading
    )
    score = score_article(GOLD, _article(sections=sections))
    assert _counts(score, "sections") == (1, 2, 3)
    byline_gold = {**GOLD, "byline": ["صالح عسكول", "أحمد الليثى"]}
    score = score_article(byline_gold, _article(byline=("أحمد الليثي",)))
    assert _counts(score, "byline") == (1, 2, 1)


def test_quotes_detection_kind_and_speaker() -> None:
    prince = Source(name="الأمير خالد بن سلمان", kind="person")
    quotes = (
        # found; kind right; speaker right through the source name
        _quote("التعاون الدفاعي ركيزة أساسية", "direct", speaker=prince),
        # found (starts with content_start, «أن» outside); kind wrong; speaker through the
        # text at speaker_span although the source name is wrong
        _quote(
            "الاجتماع سيعقد غداً، بحسب مصادر مطلعة",
            "direct",
            speaker=Source(name="المتحدث"),
            speaker_span=_span(TEXT, "خالد بن سلمان"),
        ),
        # matches no gold quote: counts against precision
        _quote("الأمن مستتب", "indirect", speaker=Source(name="المتحدث")),
    )
    score = score_article(GOLD, _article(quotes=quotes))
    assert _counts(score, "quotes") == (2, 3, 3)
    assert _counts(score, "quotes.kind") == (1, 2)
    assert _counts(score, "quotes.speaker") == (2, 2)
    # a speaker named only by a title is wrong; aliases are tried
    wrong = (_quote("التعاون الدفاعي ركيزة أساسية", "direct", speaker=Source(name="الأمير")),)
    assert _counts(score_article(GOLD, _article(quotes=wrong)), "quotes.speaker") == (0, 1)
    alias = Source(name="ولي العهد", aliases=("خالد بن سلمان",))
    right = (_quote("التعاون الدفاعي ركيزة أساسية", "direct", speaker=alias),)
    assert _counts(score_article(GOLD, _article(quotes=right)), "quotes.speaker") == (1, 1)


def test_one_prediction_finds_one_gold_quote() -> None:
    twice = {**GOLD, "quotes": [GOLD["quotes"][0], GOLD["quotes"][0]]}
    quotes = (_quote("التعاون الدفاعي ركيزة أساسية", "direct"),)
    score = score_article(twice, _article(quotes=quotes))
    assert _counts(score, "quotes") == (1, 2, 1)
    # a found gold quote without a speaker is not counted for speakers
    passive = {**GOLD, "quotes": [{**GOLD["quotes"][0], "speaker": None}]}
    assert _counts(score_article(passive, _article(quotes=quotes)), "quotes.speaker") == (0, 0)


def test_attributions() -> None:
    attribution = Attribution(
        text="مصادر مطلعة",
        span=_span(TEXT, "مصادر مطلعة"),
        source=Source(name="مصادر مطلعة", kind="anonymous"),
        cue="بحسب",
        cue_span=_span(TEXT, "بحسب"),
    )
    other = Attribution(
        text="الأمن",
        span=_span(TEXT, "الأمن"),
        source=Source(name="الأمن"),
        cue="بحسب",
        cue_span=_span(TEXT, "بحسب"),
    )
    score = score_article(GOLD, _article(attributions=(other, attribution)))
    assert _counts(score, "attributions") == (1, 1, 2)


def test_dates_detection_and_values() -> None:
    dates = (
        DateMention(
            text="غداً", span=_span(TEXT, "غداً"), relative=True, resolved=dt.date(2015, 8, 12)
        ),
        DateMention(text="11 أغسطس 2015", span=_span(TEXT, "11 أغسطس 2015"), value="2015-08-12"),
        DateMention(text="2015", span=_span(TEXT, "2015"), value="2015", precision="year"),
    )
    score = score_article(GOLD, _article(dates=dates))
    assert _counts(score, "dates") == (2, 2, 3)
    # only the gold date with a value is scored for values, and it is wrong here
    assert _counts(score, "dates.value") == (0, 1)
    right = (
        DateMention(
            text="11 أغسطس 2015 م", span=_span(TEXT, "11 أغسطس 2015 م"), value="2015-08-11"
        ),
    )
    score = score_article(GOLD, _article(dates=right))
    assert _counts(score, "dates") == (1, 2, 1)
    assert _counts(score, "dates.value") == (1, 1)


def test_mismatches_name_their_field() -> None:
    score = score_article(GOLD, _article(headline="عنوان آخر"))
    fields = {f for f, _ in score.mismatches}
    assert fields <= set(evaluate.FIELDS)
    assert ("headline", "gold «قمة في الرياض» | predicted «عنوان آخر»") in score.mismatches
    assert evaluate.selected(score.mismatches, ["quotes"]) == [
        m for m in score.mismatches if m[0] == "quotes"
    ]
