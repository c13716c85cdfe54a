"""Attributions: information credited without a speech verb (conventions §2.1)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import arnews


def _attrs(text: str) -> list[arnews.Attribution]:
    return list(arnews.parse_text(text).attributions)


@pytest.mark.parametrize(
    ("text", "source", "kind"),
    [
        ("وبحسب تقارير إعلامية، ناقش الوزير الملف.", "تقارير إعلامية", "anonymous"),
        ("وقعت الحادثة صباحا، وفقاً لوكالة رويترز.", "وكالة رويترز", "agency"),
        ("وأصيب ثلاثة أشخاص، نقلاً عن مصادر مطلعة.", "مصادر مطلعة", "anonymous"),
        (
            "بحسب ما ذكرت صحيفة «هآرتس» الإسرائيلية، تأجل الاجتماع.",
            "صحيفة «هآرتس» الإسرائيلية",
            "media",
        ),
        ("وحسب البيان، فإن الحصيلة ارتفعت.", "البيان", "document"),
        # a source in quote marks right after the cue
        ('وبحسب "الألمانية"، فقد ارتفع الإنتاج.', "الألمانية", "agency"),
        # a time word between «ما» + verb and the source
        (
            "قتل عشرة مدنيين، بحسب ما أفادت الأربعاء مصادر محلية.",
            "مصادر محلية",
            "anonymous",
        ),
        # relayed reports: the outlet or the source that confirmed it
        (
            "وعبر الرئيس في بيان أوردته وكالة الأنباء الرسمية عن ثقته بالحكومة.",
            "وكالة الأنباء الرسمية",
            "agency",
        ),
        (
            "ونقلت الجثث إلى المستشفى، الأمر الذي أكدته مصادر طبية في المستشفى.",
            "مصادر طبية في المستشفى",
            "anonymous",
        ),
    ],
)
def test_attribution_cues(text: str, source: str, kind: str) -> None:
    (a,) = _attrs(text)
    assert a.source.name == source
    assert a.source.kind == kind
    assert arnews.parse_text(text).text[a.span.slice] == a.text
    assert a.claim_span is not None


@pytest.mark.parametrize(
    "text",
    [
        "وفقاً للمادة السادسة من القانون يعاقب المخالف.",
        "يتم توزيع المساعدات حسب الحاجة.",
        "وتجري الانتخابات وفق الجدول الزمني المعلن.",
        "وتنفذ المشاريع وفقاً لأعلى معايير الجودة.",
        "ويتعامل القضاء معه وفقا لأوامر عليا.",
        # a relay verb after «ما» belongs to the cue before it; «تم نقلها» is passive
        "وتم نقلها إلى العيادة الصحية.",
    ],
)
def test_legal_or_procedural_basis_is_not_an_attribution(text: str) -> None:
    assert _attrs(text) == []


def test_pronoun_attribution_credits_the_last_speaker() -> None:
    text = "وقال الوزير إن الوضع صعب. والأزمة «مفتعلة» على حد تعبيره."
    (a,) = _attrs(text)
    assert a.source.name == "الوزير"


def test_plural_pronoun_attribution_credits_a_human_plural() -> None:
    text = (
        "وقال الوزير إن المعرض مهم. ودافع المؤيدون عن المعرض، مؤكدين أن الهدف "
        "ليس ماديا. والقطع مكررة، بحسب وصفهم."
    )
    (a,) = _attrs(text)
    assert a.source.name == "المؤيدون"


def test_relay_inside_another_attribution_is_not_counted_twice() -> None:
    text = "وتراجعت شعبيته، حسبما أفادت نتائج استطلاع للرأي نشرته صحيفة «الديبير» يوم الأحد."
    assert len(_attrs(text)) == 1


def test_pronoun_attribution_takes_the_subject_of_its_sentence() -> None:
    # the referent is the subject of the verb that opens the sentence, when it agrees
    text = (
        "وقال الوزير إن الحملة مهمة. أطلقت هيفاء سبيع حملتها في شوارع صنعاء، "
        "للتعبير عن معاناة الأطفال، على حد قولها."
    )
    (a,) = _attrs(text)
    assert a.source.name == "هيفاء"


def test_a_preposition_opening_the_sentence_is_no_verb() -> None:
    text = 'من جهته قال المتحدث الإعلامي: "المستشفى على حد قوله رفض الطلب".'
    (a,) = _attrs(text)
    assert a.source.name == "المتحدث الإعلامي"


def test_key_groups_find_what_a_scan_per_key_finds() -> None:
    # «كما يزعم», «كما تدعي» ... are found by one scan for «كما » and a startswith test: the
    # same places, in the same order, as a scan for each key
    from arnews.detect.attributions import _find_keys, _patterns
    from arnews.detect.quotes import occurrences
    from arnews.text.fold import fold

    keys = _patterns()[2]
    text = fold(
        "كما يزعم المتحدث، وكما تدعي الحكومة، كما قال الوزير، وفقاً لوكالة رويترز، "
        "وعلى حد قوله كما يدعي كما تزعم المصادر كما"
    ).text
    found = _find_keys(text, keys)
    assert found == {k: occurrences(text, k) for k in keys}
    assert len(found[fold("كما يزعم").text]) == 1
    assert len(found[fold("كما تزعم").text]) == 1


@given(
    text=st.text(alphabet="ab .!?؟؛\n\t\x1c\xa0\u2009،", max_size=40),
    cut=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_sentence_limits_are_those_of_the_sentence_pattern(text: str, cut: tuple[int, int]) -> None:
    """The sentence start before a cue is where the last match of :data:`_SENTENCE` in the
    stretch before it ends; the sentence end after it, where the first match starts."""
    from arnews.detect.attributions import _SENTENCE, _end_after, _end_before

    lo, hi = sorted(min(c, len(text)) for c in cut)
    ends = [m.end() for m in _SENTENCE.finditer(text, lo, hi)]
    assert _end_before(text, lo, hi) == (ends[-1] if ends else -1)
    first = _SENTENCE.search(text, lo, hi)
    assert _end_after(text, lo, hi) == (first.start() if first is not None else -1)
