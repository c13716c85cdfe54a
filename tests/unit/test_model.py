from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest

import arnews
from arnews import (
    Article,
    Attribution,
    Dateline,
    DateMention,
    Notice,
    Paragraph,
    Quote,
    Section,
    Source,
    Span,
)
from arnews.layout import LaidBlock, Layout
from arnews.read.blocks import Block, ReadResult


def _sample() -> Article:
    text = "عنوان\n\nالرياض - واس:\n\nقال الوزير إن الاجتماع مثمر بحسب رويترز أمس."
    minister = Source(name="الوزير", kind="official", role="وزير", aliases=("معاليه",))
    reuters = Source(name="رويترز", kind="agency")
    return Article(
        text=text,
        headline="عنوان",
        headline_span=Span(start=0, end=5),
        dateline=Dateline(text="الرياض - واس:", span=Span(start=7, end=20), place="الرياض"),
        byline=("عبيد السهيمي",),
        published=dt.datetime(2015, 8, 11, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))),
        modified=dt.date(2015, 8, 12),
        sections=(
            Section(paragraphs=(Paragraph(text=text[22:], span=Span(start=22, end=len(text))),)),
        ),
        quotes=(
            Quote(
                text="الاجتماع مثمر",
                span=Span(start=36, end=49),
                kind="indirect",
                speaker=minister,
                speaker_span=Span(start=26, end=32),
                cue="قال",
                cue_span=Span(start=22, end=25),
            ),
        ),
        attributions=(
            Attribution(
                text="رويترز",
                span=Span(start=55, end=61),
                source=reuters,
                cue="بحسب",
                cue_span=Span(start=50, end=54),
            ),
        ),
        dates=(
            DateMention(
                text="أمس",
                span=Span(start=62, end=65),
                relative=True,
                resolved=dt.date(2015, 8, 10),
            ),
            DateMention(
                text="26 شوال 1436 هـ",
                span=Span(start=0, end=1),
                calendar="hijri",
                value="1436-10-26",
                gregorian=dt.date(2015, 8, 11),
                pair=0,
            ),
        ),
        sources=(minister, reuters),
        boilerplate=("شاركها.",),
        notices=(Notice(code="date.placeholder", message="m", span=Span(start=0, end=1)),),
    )


def test_round_trip_dict_and_json() -> None:
    art = _sample()
    assert Article.from_dict(art.to_dict()) == art
    assert Article.from_json(art.to_json()) == art


def test_json_form_is_plain_and_readable() -> None:
    art = _sample()
    data = json.loads(art.to_json())
    assert data["headline_span"] == [0, 5]
    assert data["published"] == "2015-08-11T10:30:00+03:00"
    assert data["modified"] == "2015-08-12"
    assert data["dates"][1]["gregorian"] == "2015-08-11"
    assert data["quotes"][0]["speaker"]["name"] == "الوزير"
    assert "الرياض" in art.to_json()  # Arabic is not \u-escaped


def test_records_are_frozen_slotted_keyword_only() -> None:
    span = Span(start=1, end=2)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]
    assert not hasattr(span, "__dict__")
    with pytest.raises(TypeError):
        Span(1, 2)  # type: ignore[misc]


def test_validation() -> None:
    with pytest.raises(ValueError, match="span"):
        Span(start=3, end=2)
    with pytest.raises(ValueError, match="kind"):
        Source(name="x", kind="alien")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="calendar"):
        DateMention(text="x", span=Span(start=0, end=1), calendar="julian")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Quote"):
        Article.from_dict({"text": "x", "quotes": [{"text": "x"}]})


def test_span_helpers() -> None:
    a, b = Span(start=0, end=5), Span(start=3, end=8)
    assert a.overlaps(b)
    assert not a.contains(b)
    assert Span(start=0, end=10).contains(b)
    assert len(b) == 5
    assert "abcdefgh"[b.slice] == "defgh"


@pytest.mark.skipif(
    arnews.compiled, reason="mypyc-compiled methods have no signature for inspect to read"
)
@pytest.mark.parametrize(
    "cls",
    [
        *(Span, Paragraph, Source, Quote, DateMention, Notice, Section, Dateline, Attribution),
        *(Article, Block, ReadResult, LaidBlock, Layout),
    ],
)
def test_hand_written_inits_keep_the_fields_and_defaults(cls: type) -> None:
    """The records built by a hand-written __init__ take the same keywords, with the same
    defaults, as the fields attrs declares (and stay frozen)."""
    import inspect

    params = inspect.signature(cls.__init__).parameters
    fields = attrs.fields(cls)
    assert [f.name for f in fields] == [p for p in params if p != "self"]
    for f in fields:
        default = params[f.name].default
        expected = inspect.Parameter.empty if f.default is attrs.NOTHING else f.default
        assert default == expected, f.name
        assert params[f.name].kind is inspect.Parameter.KEYWORD_ONLY


def test_hand_written_inits_check_like_the_validators() -> None:
    span = Span(start=0, end=1)
    with pytest.raises(ValueError, match="precision must be one of"):
        DateMention(text="x", span=span, precision="week")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind must be one of"):
        Quote(text="x", span=span, kind="both")  # type: ignore[arg-type]
    quote = Quote(text="x", span=span, kind="direct")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        quote.text = "y"  # type: ignore[misc]
    assert attrs.evolve(quote, kind="indirect").kind == "indirect"


def test_positional_factories_build_the_same_records() -> None:
    """make_span / make_paragraph (inner loops): the records and the check of the keyword
    constructors."""
    from arnews.model import make_paragraph, make_span

    span = make_span(2, 5)
    assert span == Span(start=2, end=5)
    assert type(span) is Span
    assert make_paragraph("نص", span) == Paragraph(text="نص", span=span)
    for start, end in ((3, 2), (-1, 4)):
        with pytest.raises(ValueError, match=r"invalid span \[") as made:
            make_span(start, end)
        with pytest.raises(ValueError, match="invalid span") as built:
            Span(start=start, end=end)
        assert str(made.value) == str(built.value)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 0  # type: ignore[misc]


def test_make_block_is_the_keyword_constructor() -> None:
    from arnews.read.blocks import make_block

    block = make_block("نص", "heading", True)
    assert block == Block(text="نص", kind="heading", gap_before=True)
    assert type(block) is Block
