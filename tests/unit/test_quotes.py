"""Quotes and speakers on synthetic sentences built from real shapes (conventions §1-3)."""

from __future__ import annotations

import pytest

import arnews
from arnews.detect.quotes import detect_mentions, pair_marks
from arnews.text.fold import fold


def _quotes(text: str) -> list[arnews.Quote]:
    return list(arnews.parse_text(text).quotes)


def _who(q: arnews.Quote) -> str | None:
    return q.speaker.name if q.speaker is not None else None


@pytest.mark.parametrize(
    ("mark_open", "mark_close"),
    [("«", "»"), ("“", "”"), ("”", "“"), ('"', '"'), ("„", "“"), ("»", "«"), ("«", '"')],
)
def test_direct_quote_every_mark_style(mark_open: str, mark_close: str) -> None:
    text = f"وقال الوزير: {mark_open}إننا على ثقة بنجاح الخطة{mark_close}."
    (q,) = _quotes(text)
    assert q.kind == "direct"
    assert q.text == "إننا على ثقة بنجاح الخطة"
    assert _who(q) == "الوزير"
    assert q.cue == "وقال"


def test_marks_around_names_are_not_quotes() -> None:
    text = 'ونشرت صحيفة «الشرق الأوسط» تقريرا عن تنظيم «داعش» وقال رئيس الدولة "حفظه الله" كلمة.'
    assert _quotes(text) == []


def test_indirect_quote_with_complementizer_and_vso_plural() -> None:
    (q,) = _quotes("وقال مسؤولون أمريكيون إن المحادثات كانت مثمرة.")
    assert q.kind == "indirect"
    assert q.text == "المحادثات كانت مثمرة"
    assert _who(q) == "مسؤولون أمريكيون"
    assert q.speaker is not None
    assert q.speaker.kind == "anonymous"


def test_svo_subject_and_noun_complement() -> None:
    qs = _quotes("لكن المصادر أشارت إلى أن الجانبين أكدا على عمق العلاقات.")
    assert [(_who(q), q.cue) for q in qs] == [("المصادر", "أشارت")]


def test_pronoun_speakers_resolve_by_agreement() -> None:
    text = (
        "أعرب مسؤولون أمريكيون عن ترحيبهم بالزيارة. وأشاروا إلى أن الزيارة مهمة.\n\n"
        "من جهته، أكد وزير الدفاع السعودي على حرص المملكة على العلاقات. "
        "وشدد على أهمية التعاون. كما أعرب عن تقديره للدعم."
    )
    qs = _quotes(text)
    assert [(_who(q), q.pronoun) for q in qs] == [
        ("مسؤولون أمريكيون", False),
        ("مسؤولون أمريكيون", True),
        ("وزير الدفاع السعودي", False),
        ("وزير الدفاع السعودي", True),
        ("وزير الدفاع السعودي", True),
    ]
    art = arnews.parse_text(text)
    assert len(art.sources) == 2


def test_feminine_verb_skips_a_masculine_speaker() -> None:
    text = (
        "وقالت وزارة الصحة إن الحالات تراجعت. وقال الطبيب إن العلاج متوفر. وأضافت أن الحملة مستمرة."
    )
    qs = _quotes(text)
    assert [_who(q) for q in qs] == ["وزارة الصحة", "الطبيب", "وزارة الصحة"]


def test_figurative_subjects_and_background_formulas_are_not_quotes() -> None:
    text = (
        "وتشير التطورات الأخيرة إلى رغبة مشتركة في التعاون. وتعتبر هذه الزيارة بمثابة تأكيد. "
        "يذكر أن الوزير زار المنطقة. ومن المتوقع أن تستمر المحادثات."
    )
    assert _quotes(text) == []


def test_negated_speech_is_not_a_quote() -> None:
    assert _quotes("ولم يقل المسؤول إن الاتفاق انتهى.") == []


def test_passive_speech_has_no_speaker() -> None:
    (q,) = _quotes("كما تم التأكيد على أهمية العمل المشترك.")
    assert q.speaker is None
    assert q.text.startswith("أهمية العمل المشترك")


def test_participle_takes_the_clause_speaker() -> None:
    qs = _quotes("وقال الوزير إن الوضع مستقر، مشيرا إلى أن الحكومة تتابع الملف.")
    assert [(_who(q), q.cue) for q in qs] == [("الوزير", "وقال"), ("الوزير", "مشيرا")]
    assert qs[1].pronoun


def test_recipient_is_not_the_speaker() -> None:
    (q,) = _quotes('وقال مسؤول أمريكي لـ"رويترز" إن المفاوضات متعثرة.')
    assert _who(q) == "مسؤول أمريكي"


def test_honorific_pronoun_resolves_to_titled_person() -> None:
    text = "استقبل صاحب السمو الشيخ محمد الوفد. وقال سموه إن الإمارات تدعم السلام."
    (q,) = _quotes(text)
    assert q.pronoun
    assert q.speaker_span is not None
    assert "الشيخ محمد" in arnews.parse_text(text).text[q.speaker_span.slice]


def test_speaker_after_the_quote() -> None:
    (q,) = _quotes("«لن نقبل بأي تسوية على حساب حقوقنا»، قال رئيس الوفد.")
    assert q.kind == "direct"
    assert _who(q) == "رئيس الوفد"


def test_headline_colon_quote() -> None:
    art = arnews.parse_text("وزير الدفاع: لن نسمح بتهديد أمننا\n\nنص الخبر هنا.")
    (q,) = art.quotes
    assert q.kind == "direct"
    assert q.cue is None
    assert _who(q) == "وزير الدفاع"


def test_unbalanced_quote_runs_to_paragraph_end_with_notice() -> None:
    art = arnews.parse_text("وقال الوزير: «نحن ماضون في الإصلاح مهما كانت الصعوبات\n\nفقرة أخرى.")
    (q,) = art.quotes
    assert q.text.endswith("الصعوبات")
    assert any(n.code == "quote.unbalanced" for n in art.notices)


def test_quote_spanning_paragraphs_is_one_quote() -> None:
    text = "وقال الوزير: «نحن ماضون في الإصلاح الشامل\n\n«ولن نتراجع عن أي خطوة اتخذناها»."
    (q,) = _quotes(text)  # GOLD.md: a quote running over several paragraphs is one quote
    assert q.text.startswith("نحن ماضون")
    assert q.text.endswith("اتخذناها")
    assert "\n\n" in q.text
    assert _who(q) == "الوزير"


def test_quote_over_three_paragraphs() -> None:
    text = (
        "وقال المتحدث: «الأول من ثلاثة أسطر هنا\n\n«الثاني من ثلاثة أسطر هنا\n\n"
        "«والثالث ينتهي هنا»."
    )
    (q,) = _quotes(text)
    assert q.text.endswith("ينتهي هنا")


def test_svo_headline_present_tense() -> None:
    # «X يعلنون ...»: the subject stands before a present-tense verb; the noun after it is the
    # content
    (q,) = _quotes("الحوثيون يعلنون قصف مصفاة في الرياض بطائرة مسيرة")
    assert _who(q) == "الحوثيون"
    assert q.text.startswith("قصف مصفاة")


def test_plural_verb_takes_no_subject_after_it() -> None:
    text = "قال مسؤولون إن الوضع صعب. وأعلنوا استهداف المواقع بطائرات."
    qs = _quotes(text)
    assert [q.text for q in qs][1].startswith("استهداف المواقع")
    assert _who(qs[1]) == "مسؤولون"


def test_object_noun_with_pronoun_is_content() -> None:
    text = "قالت الحكومة إن الوضع مستقر. وأكدت رفضها لأي تدخل خارجي."
    qs = _quotes(text)
    assert qs[1].text.startswith("رفضها")
    assert _who(qs[1]) == "الحكومة"


def test_hashtag_speaker_and_adverb_before_noun_content() -> None:
    (q,) = _quotes("ونفت #موسكو مراراً تورطها في الهجوم.")
    assert _who(q) == "#موسكو"
    assert q.text.startswith("تورطها")


def test_pronoun_after_verb_is_not_a_speaker() -> None:
    text = "وأصدرت اللجنة بيانا أكدت فيه أنها جمعت معلومات كثيرة."
    (q,) = _quotes(text)
    assert _who(q) != "فيه"


def test_role_joins_its_holder_by_apposition() -> None:
    text = (
        "التقى الأمير خالد بن سلمان وزير الدفاع، بمسؤولين في واشنطن.\n\n"
        "وأكد وزير الدفاع السعودي أن الزيارة ناجحة."
    )
    art = arnews.parse_text(text)
    (q,) = art.quotes
    assert q.speaker is not None
    assert "خالد بن سلمان" in q.speaker.name
    assert "وزير الدفاع السعودي" in q.speaker.aliases


def test_comma_apposition_keeps_the_role() -> None:
    (q,) = _quotes("وقال شون تاندون، رئيس جمعية المراسلين، إن الاجتماع مثمر.")
    assert _who(q) == "شون تاندون، رئيس جمعية المراسلين"


def test_pair_marks_nested_and_reversed() -> None:
    t = 'قال "نحن «هنا» الآن" و»هو«'
    assert [(p.open, p.close) for p in pair_marks(t, 0, len(t))] == [(4, 19), (22, 25)]


def test_spans_slice_to_text() -> None:
    text = "وقالَ الوزيـــر إنّ الاجتماعَ كان مثمراً، مضيفاً أن الاتفاق قريب."
    art = arnews.parse_text(text)
    assert art.quotes
    for q in art.quotes:
        assert art.text[q.span.slice] == q.text
        if q.cue_span is not None:
            assert art.text[q.cue_span.slice] == q.cue


def test_words_inside_a_quote_are_no_antecedent() -> None:
    # «لقد وجهت ...» inside the minister's words starts a sentence but names nobody
    text = (
        'وقال رئيس الوزراء بنيامين نتنياهو "لن نسمح بذلك. لقد وجهت رسالة واضحة". '
        'وتابع "من يلحق بنا الضرر سنلحق به الضرر".'
    )
    qs = _quotes(text)
    assert len(qs) == 2
    assert qs[1].pronoun
    assert _who(qs[1]) == "رئيس الوزراء بنيامين نتنياهو"


def test_institution_speaker_stops_before_its_object() -> None:
    # a definite institution takes no indefinite adjective: «أنباء» starts the content
    (q,) = _quotes("وأكدت الوكالة أنباء مقتل أربعة جنود في المعارك.")
    assert _who(q) == "الوكالة"
    assert q.text.startswith("أنباء مقتل")
    (q,) = _quotes("أبدت الخارجية الفرنسية مخاوف من احتمال اختفاء الأدلة.")
    assert _who(q) == "الخارجية الفرنسية"
    (q,) = _quotes("وقالت المنظمة الوطنية لزراعة الأعضاء إن التحقيق انتهى.")
    assert _who(q) == "المنظمة الوطنية لزراعة الأعضاء"


def test_two_agencies_are_two_sources() -> None:
    text = (
        "وقال مسؤول إن المفاوضات متعثرة، بحسب وكالة الأناضول التركية الرسمية. "
        "وذكر المسؤول أن الجولة المقبلة مؤجلة، وفق وكالة أنباء فارس الرسمية."
    )
    names = {a.source.name for a in arnews.parse_text(text).attributions}
    assert names == {"وكالة الأناضول التركية الرسمية", "وكالة أنباء فارس الرسمية"}


def test_recipient_outlet_of_several_words_ends_the_speaker() -> None:
    (q,) = _quotes('وتقول هيفاء لبي بي سي عبر الهاتف "اليمنيات اعتدن الحياة في ظل الحرب".')
    assert _who(q) == "هيفاء"


def test_two_word_opener_before_the_verb_of_a_participle() -> None:
    text = "وفي المقابل دافع المؤيدون عن المعرض، مؤكدين أن الهدف منه ليس ماديا."
    (q,) = _quotes(text)
    assert _who(q) == "المؤيدون"


def test_quantifier_takes_its_group() -> None:
    (q,) = _quotes("أكد عدد من تلاميذ الأقسام النهائية رفضهم القطعي لهذا الإضراب.")
    assert _who(q) == "عدد من تلاميذ الأقسام النهائية"
    assert q.text.startswith("رفضهم")


def test_definite_subject_ends_before_an_object_with_a_pronoun() -> None:
    (q,) = _quotes("أكدت الجمهورية اليمنية وقوفها وتضامنها التام مع الرياض.")
    assert (_who(q), q.text) == ("الجمهورية اليمنية", "وقوفها وتضامنها التام مع الرياض")
    # with a clause complement the phrase is kept whole: the split is a last resort
    (q,) = _quotes("وأكدت الحكومة المصرية أن الاتفاق قائم.")
    assert (_who(q), q.text) == ("الحكومة المصرية", "الاتفاق قائم")


def test_accusative_document_word_is_no_subject() -> None:
    text = 'وأصدر الرئيس الفلسطيني، محمود عباس، بيانا أكد فيه "تقديره للمواقف الثابتة".'
    (q,) = _quotes(text)
    assert _who(q) != "بيانا"
    assert "عباس" in _who(q) or "الرئيس" in _who(q)


def test_present_verb_headline_subject_is_no_verb() -> None:
    text = (
        "ترامب يرفض وقف تسليح السعودية معتبرا أنه قرار صعب\n\nواشنطن - قال مسؤول إن القرار نهائي."
    )
    speakers = [_who(q) for q in _quotes(text)]
    assert "يرفض" not in speakers


def test_definite_document_word_is_a_mention_for_later_pronouns() -> None:
    text = (
        "وقال بيان صادر عن المجلس إن الاتصالات وردت من المواطنين.\n\n"
        "وشكر البيان أفراد المقاومة على الالتزام، وقال إنهم قاموا بإسعاف الجرحى."
    )
    qs = _quotes(text)
    assert [(_who(q), q.pronoun) for q in qs] == [("بيان صادر", False), ("البيان", True)]


def test_bare_proper_name_before_a_masculine_verb_is_its_subject() -> None:
    (q,) = _quotes("غزة ينفي شراء الأسلحة من الخارج")
    assert _who(q) == "غزة"
    assert q.text.startswith("شراء")


def test_feminine_common_noun_before_a_masculine_verb_is_no_subject() -> None:
    qs = _quotes("قال الوزير إن الخطة جاهزة. نية المخرجة يؤكد أن العمل مستمر.")
    assert all(_who(q) != "نية المخرجة" for q in qs)


def test_plural_with_pronoun_after_the_verb_is_the_content() -> None:
    text = "قال الرئيس إنه سيعرف قريبا ما حدث. ويكرر تصريحاته بأن الحلفاء سيدفعون الثمن."
    qs = _quotes(text)
    assert _who(qs[-1]) == "الرئيس"
    assert qs[-1].pronoun


def test_lone_title_comma_and_name_is_one_speaker() -> None:
    text = (
        "يؤكد الأستاذ، سامي خوري، من جامعة القاهرة إن الحرارة تؤثر في الطلبة. "
        "ويقول خوري إن المدارس تحتاج إلى التكييف."
    )
    qs = _quotes(text)
    assert [_who(q) for q in qs] == ["الأستاذ، سامي خوري"] * 2


def test_comma_then_a_conjoined_verb_ends_the_phrase() -> None:
    (q,) = _quotes("قال مدرب الفريق، ويضيف أن اللاعبين جاهزون.") or [None]
    assert q is None or "ويضيف" not in (_who(q) or "")


def test_title_with_nationality_joins_the_named_holder() -> None:
    # «اللاعب الفرنسي» after «اللاعب أبيدال»: the same title, the name dropped
    text = (
        "قال اللاعب أبيدال إن الخبر كاذب.\n\n"
        "وقال مدرب الفريق إن الموسم صعب.\n\n"
        "وأوضح اللاعب الفرنسي أن صحته جيدة."
    )
    qs = _quotes(text)
    assert [_who(q) for q in qs] == ["اللاعب أبيدال", "مدرب الفريق", "اللاعب أبيدال"]
    assert qs[2].speaker is not None
    assert "اللاعب الفرنسي" in qs[2].speaker.aliases


def test_title_with_nationality_and_no_named_holder_stays_alone() -> None:
    text = "وقال السفير الأمريكي إن المحادثات مستمرة."
    (q,) = _quotes(text)
    assert _who(q) == "السفير الأمريكي"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "السفير السعودي في واشنطن الأمير خالد بن سلمان ينفي أنباء احتجاز الصحفي.",
            "السفير السعودي في واشنطن الأمير خالد بن سلمان",
        ),
        (
            "السفير الأمريكي لدى إسرائيل ديفيد فريدمان ينفي أنباء عن نقل السفارة.",
            "السفير الأمريكي لدى إسرائيل ديفيد فريدمان",
        ),
        ("السفير السعودي في واشنطن ينفي أنباء احتجاز الصحفي.", "السفير السعودي في واشنطن"),
    ],
)
def test_subject_with_place_before_the_verb(text: str, speaker: str) -> None:
    (q,) = _quotes(text)
    assert _who(q) == speaker
    assert q.text.startswith("أنباء")


def test_place_phrase_needs_a_role_head() -> None:
    # «الناس في المدينة» is no office: the place phrase is not read into a subject
    text = "الناس في المدينة يؤكدون أن الوضع هادئ."
    assert all(_who(q) != "الناس في المدينة" for q in _quotes(text))


def test_continuation_verb_takes_the_last_speaker_over_a_titled_mention() -> None:
    # a titled person mentioned in passing does not capture «وأضاف» (conventions §2.4)
    text = (
        "وقال الدكتور محمد العلي إن البحث مستمر منذ سنوات.\n\n"
        "وكان صاحب السمو الملكي الأمير خالد الفيصل قد كرمه في العام الماضي.\n\n"
        "وأضاف أن النتائج ستنشر قريبا."
    )
    qs = _quotes(text)
    assert _who(qs[-1]) == "الدكتور محمد العلي"
    assert qs[-1].pronoun


def test_continuation_verb_after_a_statement_with_no_quote_read() -> None:
    # «وقال X، Y،» opens a statement even when no quote is read there; the name in
    # apposition joins it
    text = (
        "وأشار مسؤولون إلى أن الوضع صعب.\n\n"
        "وصرح وكيل الوزارة لشؤون التصنيف المهندس سامي الحربي أمس في الحفل الذي رعاه "
        "صاحب السمو الملكي الأمير خالد الفيصل.\n\n"
        "وأضاف أن الخطة ستنفذ قريبا."
    )
    qs = _quotes(text)
    assert "الحربي" in (_who(qs[-1]) or "")


def test_title_after_an_office_word_is_no_new_mention() -> None:
    # «مستشار خادم الحرمين الشريفين»: the title completes the office, it names nobody new
    f = fold(
        "يفتتح صاحب السمو الملكي الأمير خالد الفيصل مستشار خادم الحرمين الشريفين "
        "أمير منطقة مكة المكرمة المعرض غدا."
    )
    found = [np.text for np in detect_mentions(f, [(0, len(f.text), "paragraph")])]
    assert any(t.startswith("صاحب السمو") for t in found)
    assert not any(t.startswith("خادم") for t in found)


def test_b_complement_is_not_swallowed_into_the_speaker() -> None:
    # «أفاد مراسل ... بمقتل»: the «ب» word is the content, not part of the speaker phrase
    (q,) = _quotes("وفي المدينة، أفاد مراسل القناة بمقتل قائد عسكري في انفجار غامض.")
    assert q.kind == "indirect"
    assert q.text.startswith("بمقتل قائد")
    assert _who(q) == "مراسل القناة"


def test_b_word_after_an_object_is_no_complement_of_the_subject() -> None:
    # «طالب المسؤولين بعدم ...»: an accusative head is the object, nobody speaks here
    assert not [q for q in _quotes("وهو الذي طالب المسؤولين بعدم السماح بدخولهم.") if _who(q)]
    # «الناطق باسم»: part of the title
    (q,) = _quotes("وأفاد الناطق باسم الوزارة بأن الاجتماع تأجل.")
    assert _who(q) == "الناطق باسم الوزارة"


def test_two_subjects_joined_by_wa_before_the_complement() -> None:
    # «X والY، الأحد، عن ...»: the complement follows the second subject
    (q,) = _quotes("أعربت عدد من الدول العربية والمنظمات الدولية، الأحد، عن تضامنها مع المملكة.")
    assert q.text.startswith("تضامنها مع المملكة")
    assert _who(q) == "عدد من الدول العربية والمنظمات الدولية"


def test_short_name_in_marks_after_joined_subjects_is_no_quote() -> None:
    # «في "تويتر" إن ...»: the marks hold a platform name, the clause is the content
    text = 'وقال قائد الفريق والمنتخب السابق ستيفن جرارد في "تويتر" إن اللاعب يستحق الجائزة.'
    assert all("تويتر" not in q.text for q in _quotes(text))


def test_complement_written_inside_the_marks() -> None:
    # «وأعربت "عن تقديرها ..."»: the preposition the verb takes opens the quoted words
    (q,) = _quotes('وأعربت الوزارة "عن تقديرها العميق للمكانة الرفيعة للمملكة".')
    assert q.kind == "direct"
    assert q.text.startswith("عن تقديرها")
    # «وجددت مملكة البحرين "وقوفها ..."»: a verbal noun with its pronoun
    (q,) = _quotes('وجددت مملكة البحرين "وقوفها الثابت في صف واحد إلى جانب المملكة".')
    assert q.text.startswith("وقوفها الثابت")
    assert _who(q) == "مملكة البحرين"


def test_slogan_in_marks_after_a_verb_taking_a_noun_is_no_quote() -> None:
    quotes = _quotes('وحمل المتظاهرون لافتات كتب عليها "تسقط الرأسمالية".')
    assert all(q.cue != "وحمل" for q in quotes)


def test_verbal_noun_with_pronoun_ha_is_the_content() -> None:
    # «أبدى استعداده»: a source «ه» (not a folded «ة») closes a verbal noun with its pronoun
    (q,) = _quotes("ونفى اختطافه أمام الصحفيين.")
    assert q.text.startswith("اختطافه")
    # a kin noun with «ه» is still the speaker: «ونفت أسرته صحة ذلك»
    (q,) = _quotes("ونفت أسرته صحة ذلك.")
    assert q.text.startswith("صحة ذلك")
    assert _who(q) == "أسرته"
    # a noun in «ة» stays the speaker's phrase: no content without a complement
    assert _quotes("ونفت الحكومة.") == []
    # after a preposition the verb form is a noun: «خوفا من تجدد إصابته»
    assert _quotes("قرر عدم الدفع به خوفا من تجدد إصابته.") == []


def test_name_between_commas_after_an_office() -> None:
    text = "أعلن رئيس البرلمان العربي، مشعل بن فهم السلمي، تضامنه التام مع السعودية."
    (q,) = _quotes(text)
    assert q.text.startswith("تضامنه التام")
    assert q.speaker is not None
    assert "السلمي" in q.speaker.name


def test_statement_aside_before_the_complement() -> None:
    text = 'وعبر عباس في بيان أوردته وكالة الأنباء الفلسطينية "وفا"، عن ثقته المطلقة بالمملكة.'
    (q,) = _quotes(text)
    assert q.text.startswith("ثقته المطلقة")
    assert _who(q) == "عباس"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # «بين» as a preposition: nothing after it can start a complement of «بيّن»
        ("ووقعت اشتباكات بين الجيش والمسلحين في المدينة.", []),
        ("وعبر آلاف الزوار الحدود خلال العطلة.", []),
        # the same words as speech verbs, with a clause, a colon or a preposition after them
        ("وبين الوزير أن الخطة جاهزة للتنفيذ.", ["الخطة جاهزة للتنفيذ"]),
        ("وبين الوزير: الخطة جاهزة للتنفيذ.", ["الخطة جاهزة للتنفيذ"]),
        ("وعبر الوزير عن ارتياحه لنتائج الزيارة.", ["ارتياحه لنتائج الزيارة"]),
    ],
)
def test_a_verb_without_any_complement_after_it_is_no_cue(text: str, expected: list[str]) -> None:
    assert [q.text for q in _quotes(text)] == expected


def test_complement_starts_are_a_necessary_condition() -> None:
    from arnews.detect.quotes import _complement_starts, _found_after

    def found(keys: tuple[str, ...], text: str) -> bool:
        return _found_after(keys, text, 0, len(text), {})

    # a verb taking a bare noun («نفت الوزارة صحة ...») has no cheap test
    assert _complement_starts(frozenset({"ان", ":", "اسم"})) is None
    clause_only = _complement_starts(frozenset({"ان"}))
    assert clause_only is not None
    assert found(clause_only, fold("قال الوزير بانه سيحضر").text)
    assert not found(clause_only, fold("قال الوزير كانت الزيارة").text)  # «ان» inside a word
    prep = _complement_starts(frozenset({"عن"}))
    assert prep is not None
    assert found(prep, fold("عبر عن تقديره").text)
    assert not found(prep, fold("عبر الحدود عند الفجر").text)


def test_background_formula_found_among_many_other_min() -> None:
    from arnews.detect.quotes import _scan_cues, _scan_text, cue_patterns

    pats = cue_patterns()
    plain = fold("وصل عدد من الوزراء من الرياض، وقال الوزير إن عددا من الدول ستشارك.").text
    assert [
        c.what for c in _scan_cues(plain, pats, _scan_text(plain, pats.triggers, pats.sieve))
    ] == ["verb"]
    formula = fold(
        "وصل عدد من الوزراء من الرياض، وبالتالي من المتوقع أن تستمر المحادثات، وقال الوزير إن "
        "عددا من الدول ستشارك."
    ).text
    cues = _scan_cues(formula, pats, _scan_text(formula, pats.triggers, pats.sieve))
    assert [c.what for c in cues] == ["background", "verb"]
    assert formula[cues[0].start : cues[0].end].startswith("من المتوقع")


def test_complement_after_a_long_aside_and_where_an_aside_ends() -> None:
    from arnews.detect.quotes import _complement

    allowed = frozenset({"ان", ":"})
    # «في» opens the aside; the words after it are passed up to «إن»
    text = fold("الوزير في تصريح صحفي لرويترز اليوم إن الزيارة مهمة").text
    comp = _complement(text, len("الوزير"), len(text), allowed, aside=True)
    assert comp is not None
    assert comp.kind == "clause"
    assert text[comp.content :].lstrip().startswith("الزياره")
    # a word that is no stop word cannot open an aside
    text = fold("الوزير الزائر في تصريح إن الزيارة مهمة").text
    assert _complement(text, len("الوزير"), len(text), allowed, aside=True) is None
    # an aside word holding a quote mark ends the aside, the complement after it is not read
    text = fold("الوزير في تصريح ل‘عكاظ’ اليوم إن الزيارة مهمة").text
    assert _complement(text, len("الوزير"), len(text), allowed, aside=True) is None
    # at most twelve words of aside
    far = fold("الوزير في " + "كلمة " * 12 + "إن الزيارة مهمة").text
    near = fold("الوزير في " + "كلمة " * 11 + "إن الزيارة مهمة").text
    assert _complement(far, len("الوزير"), len(far), allowed, aside=True) is None
    assert _complement(near, len("الوزير"), len(near), allowed, aside=True) is not None


def test_complement_not_taken_then_read_on_past_it() -> None:
    from arnews.detect.quotes import _complement

    # «من» is a complement of other verbs: passed as an aside word, the clause after it counts
    text = fold("الوزير في تصريح من مكتبه إن الزيارة مهمة").text
    comp = _complement(text, len("الوزير"), len(text), frozenset({"ان"}), aside=True)
    assert comp is not None
    assert comp.kind == "clause"


def test_character_classes_of_the_complement_reader_are_the_regex_modules() -> None:
    import regex

    from arnews.detect.quotes import _letter, _letter_or_digit, _letter_or_mark, _regex_space

    space, letter, letter_or_mark, letter_or_digit = (
        regex.compile(r"\s"),
        regex.compile(r"\p{L}"),
        regex.compile(r"[\p{L}\p{M}]"),
        regex.compile(r"[\p{L}\p{N}]"),
    )
    # the Basic Multilingual Plane, and letters Python 3.11's Unicode 14 does not know yet
    for cp in [*range(0x10000), 0x1E4D0, 0x1E4EC, 0x2B739, 0x31350]:
        ch = chr(cp)
        assert _regex_space(ch, 0) == (space.match(ch) is not None), hex(cp)
        assert _letter(ch, 0) == (letter.match(ch) is not None), hex(cp)
        assert _letter_or_mark(ch, 0) == (letter_or_mark.match(ch) is not None), hex(cp)
        assert _letter_or_digit(ch, 0) == (letter_or_digit.match(ch) is not None), hex(cp)


def test_the_phrase_readers_white_space_is_str_splits() -> None:
    from arnews.detect.sources import _split_space

    for cp in range(0x10000):
        assert _split_space(cp) == chr(cp).isspace(), hex(cp)
