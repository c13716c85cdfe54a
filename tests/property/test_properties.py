"""Invariants that hold for any input (STYLE.md: properties worth having)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import arnews
from arnews.text import fold
from tests.strategies import articles, sprinkled

ANY_TEXT = st.one_of(st.text(), articles())


def _spans(art: arnews.Article) -> list[tuple[str, arnews.Span]]:
    items: list[tuple[str, arnews.Span]] = []
    if art.headline is not None and art.headline_span is not None:
        items.append((art.headline, art.headline_span))
    if art.dateline is not None:
        items.append((art.dateline.text, art.dateline.span))
    for section in art.sections:
        if section.heading is not None and section.heading_span is not None:
            items.append((section.heading, section.heading_span))
        items.extend((p.text, p.span) for p in section.paragraphs)
    items.extend((q.text, q.span) for q in art.quotes)
    items.extend((a.text, a.span) for a in art.attributions)
    items.extend((d.text, d.span) for d in art.dates)
    return items


def check_article(art: arnews.Article) -> None:
    """Every span slices to its item's text, and the JSON form round-trips."""
    for text, span in _spans(art):
        assert art.text[span.start : span.end] == text
    for notice in art.notices:
        if notice.span is not None:
            assert notice.span.end <= len(art.text)
    assert arnews.Article.from_json(art.to_json()) == art


@given(ANY_TEXT)
def test_parse_text_is_total_and_spans_hold(text: str) -> None:
    check_article(arnews.parse_text(text))


@given(st.binary(max_size=2000))
def test_parse_is_total_on_bytes(data: bytes) -> None:
    check_article(arnews.parse(data))


@given(articles())
def test_parse_is_total_on_encoded_articles(text: str) -> None:
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1256"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        check_article(arnews.parse(data))


@given(st.text())
def test_fold_is_idempotent_and_maps_back(text: str) -> None:
    f = fold(text)
    assert fold(f.text).text == f.text
    previous = 0
    for i in range(len(f.text)):
        start = f.source_start(i)
        assert previous <= start < max(len(text), 1)
        previous = start
    span = f.span(0, len(f.text))
    assert span.end <= len(text)


@given(articles().flatmap(lambda a: st.tuples(st.just(a), sprinkled(a))))
def test_marks_change_no_structure(pair: tuple[str, str]) -> None:
    plain, marked = pair
    a, b = arnews.parse_text(plain), arnews.parse_text(marked)
    assert fold(b.text).text == fold(a.text).text
    assert (a.headline is None) == (b.headline is None)
    assert [s.heading is None for s in a.sections] == [s.heading is None for s in b.sections]
    assert len(a.paragraphs) == len(b.paragraphs)
