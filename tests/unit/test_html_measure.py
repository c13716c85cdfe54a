"""The content reader's figures after furniture is set aside are found without a new pass
over the page (``_Measure.without``): they must be exactly those of a new pass."""

from __future__ import annotations

import lxml.etree
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.read import html_content

_TEXTS = st.sampled_from(
    ["", " ", "قال الوزير إن الاجتماع كان مثمرا ", "  نص  ", "\n", "اقرأ أيضا"]
)
_TAGS = st.sampled_from(["div", "p", "a", "span", "b", "h2", "li", "section", "td"])
# some class values name furniture («share», «related»), some do not
_CLASSES = st.sampled_from([None, "share", "related-news", "entry", "post-body", "most-read"])


def _tree(draw: st.DrawFn, depth: int) -> str:
    tag = draw(_TAGS)
    cls = draw(_CLASSES)
    attr = f' class="{cls}"' if cls else ""
    children = (
        draw(st.lists(st.integers(0, 0), max_size=3 if depth < 4 else 0)) if depth < 4 else []
    )
    inner = draw(_TEXTS) + "".join(_tree(draw, depth + 1) + draw(_TEXTS) for _ in children)
    return f"<{tag}{attr}>{inner}</{tag}>"


@st.composite
def _pages(draw: st.DrawFn) -> str:
    parts = [_tree(draw, 0) + draw(_TEXTS) for _ in range(draw(st.integers(1, 4)))]
    return "<html><body>" + "".join(parts) + "</body></html>"


def _body(page: str) -> lxml.etree._Element:
    parser = lxml.etree.HTMLParser(remove_comments=True, recover=True)
    body = lxml.etree.fromstring(page.encode("utf-8"), parser).find("body")
    assert body is not None
    return body


@settings(max_examples=300, deadline=None)
@given(_pages())
def test_figures_after_setting_aside_are_those_of_a_new_pass(page: str) -> None:
    body = _body(page)
    _, derived = html_content._remove_furniture(body, None)
    fresh = html_content._Measure(body)
    assert derived is not None  # nothing hidden was dropped
    for element in body.iter():
        assert derived.sizes.get(element, html_content._NO_SIZE) == fresh.sizes.get(
            element, html_content._NO_SIZE
        )


@settings(max_examples=200, deadline=None)
@given(_pages())
def test_box_lines_are_those_of_a_furniture_walk(page: str) -> None:
    # the box walk (and its shortcut for a box without children) gives what the full walk
    # gives in furniture mode
    body = _body(page)
    for element in body.iter():
        walker = html_content._Walker("", {}, furniture=True)
        walker.walk(element)
        assert html_content._box_blocks(element, {}) == walker.blocks


def test_a_caption_line_break_in_the_article_is_no_crash() -> None:
    # «<br class="caption">» closes a block at its end without having opened one
    page = (
        "<html><body><div><p>قال الوزير إن الاجتماع كان مثمرا وبناء جدا في العاصمة اليوم.</p>"
        '<br class="caption"><p>وأضاف الوزير أن المحادثات ستستمر خلال الأسبوع المقبل.</p>'
        "</div></body></html>"
    )
    assert "المحادثات ستستمر" in arnews.parse_html(page).text


def test_many_boxes_deep_down_get_a_new_pass_not_a_walk_up_for_each() -> None:
    # taking 500 boxes off 150 ancestors each would cost more than a new pass
    page = (
        "<html><body>"
        + "<div>" * 150
        + '<span class="share">x</span>' * 500
        + "</div>" * 150
        + "</body></html>"
    )
    body = lxml.etree.fromstring(page.encode("utf-8"), lxml.etree.HTMLParser()).find("body")
    assert body is not None
    aside, derived = html_content._remove_furniture(body, None)
    assert len(aside) == 500
    assert derived is None
