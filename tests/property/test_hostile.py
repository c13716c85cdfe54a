"""Hostile input, as properties (docs/robustness.md).

- Totality: any text, bytes or markup gives an Article or a documented ArnewsError, and every
  span holds.
- Nothing lost: every input line, whitespace-tidied and entity-unescaped, is in Article.text
  or in Article.boilerplate (on generated articles and on every real corpus article).
- Linear time: each adversarial input parses within a generous but finite multiple of the time
  of plain prose of the same size, and its time grows about linearly with its size.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.read.decode import decode_bytes
from arnews.read.text import tidy
from tests.hostile_inputs import ADVERSARIAL, many_people, plain, plain_html
from tests.property.test_properties import check_article
from tests.strategies import arabic_heavy, articles, hostile_text, markup, mutated

ENTRY_POINTS = (arnews.parse, arnews.parse_text, arnews.parse_html)


def _total(entry: Callable[..., arnews.Article], source: str | bytes) -> None:
    try:
        art = entry(source)
    except arnews.NotHTMLError:
        assert entry is arnews.parse_html
        return
    check_article(art)


# --- totality ------------------------------------------------------------------------------


@given(st.one_of(hostile_text, arabic_heavy, markup()))
def test_every_entry_point_is_total_on_text_and_markup(text: str) -> None:
    for entry in ENTRY_POINTS:
        _total(entry, text)


@given(st.one_of(hostile_text, arabic_heavy, markup()), st.sampled_from(["utf-8", "utf-16"]))
def test_every_entry_point_is_total_on_encoded_text(text: str, encoding: str) -> None:
    data = text.encode(encoding, "surrogatepass")
    for entry in ENTRY_POINTS:
        _total(entry, data)


@given(st.binary(max_size=3000))
def test_parse_html_is_total_on_bytes(data: bytes) -> None:
    _total(arnews.parse_html, data)


@pytest.fixture(scope="module")
def corpus_texts(corpus_dir: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted((corpus_dir / "articles").glob("*.txt"))]


@pytest.mark.corpus
@settings(max_examples=60)
@given(data=st.data())
def test_mutated_real_articles_parse(corpus_texts: list[bytes], data: st.DataObject) -> None:
    raw = data.draw(st.sampled_from(corpus_texts))
    text = decode_bytes(raw, lambda n: None)
    source = data.draw(mutated(text))
    for entry in (arnews.parse, arnews.parse_text):
        _total(entry, source)


# --- nothing lost --------------------------------------------------------------------------

_CONTROLS = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _key(text: str) -> str:
    return "".join(text.split())


def lost_lines(source: str, art: arnews.Article) -> list[str]:
    """Input lines found neither in the text nor in the boilerplate (nor split between them:
    a share-widget prefix removed from a line whose rest is the lead)."""
    hay = _key(art.text)
    removed = [_key(b) for b in art.boilerplate]
    lost = []
    for line in source.replace("\r", "\n").split("\n"):
        key = _key(_CONTROLS.sub("", tidy(line)))
        if not key or key in hay or any(key in b for b in removed):
            continue
        if any(
            (key.startswith(b) and key[len(b) :] in hay)
            or (key.endswith(b) and key[: -len(b)] in hay)
            for b in removed
            if b
        ):
            continue
        lost.append(line)
    return lost


@given(articles())
def test_nothing_lost_from_generated_articles(text: str) -> None:
    art = arnews.parse_text(text)
    assert lost_lines(text, art) == []


@pytest.mark.corpus
def test_nothing_lost_from_real_articles(corpus_texts: list[bytes]) -> None:
    lost = []
    for raw in corpus_texts:
        art = arnews.parse_text(raw)
        lost += lost_lines(decode_bytes(raw, lambda n: None), art)
    assert lost == []


def test_removed_lines_are_reported_in_boilerplate() -> None:
    text = (
        "قمة في الرياض\n\nالرياض - واس:\nقال الوزير إن الاجتماع كان مثمرا.\n\n"
        "اقرأ أيضا: خبر آخر عن موضوع مختلف\n\nشارك هذا الخبر\n"
    )
    art = arnews.parse_text(text)
    assert lost_lines(text, art) == []
    assert art.boilerplate  # something was removed, and it is reported


# --- linear time ---------------------------------------------------------------------------

CI_SIZE = 64_000
MAX_RATIO = 25.0
"""Generous but finite: the slowest input (speech verbs in a row) measures ~9× at 64-100 KB."""
MAX_GROWTH = 8.0
"""Four times the input: ~4× when linear, 16× when quadratic."""

# Known superlinear or slow stages in modules owned elsewhere: reproducers in the report.
KNOWN: dict[str, str] = {}


def _seconds(source: str, html: bool, *, collector: bool = True) -> float:
    """CPU time of one parse; ``collector=False``: with Python's cyclic garbage collector
    paused (after a collection) while it runs."""
    entry = arnews.parse_html if html else arnews.parse_text
    paused = not collector and gc.isenabled()
    if paused:
        gc.collect()
        gc.disable()
    try:
        # CPU time of this process: other processes on a busy machine do not count against it
        t0 = time.process_time()
        entry(source)
        return time.process_time() - t0
    finally:
        if paused:
            gc.enable()


def _measure(check: Callable[[], float], limit: float) -> float:
    """``check()``, measured again once when over ``limit`` (the machine is shared)."""
    value = check()
    return value if value < limit else min(value, check())


@pytest.fixture(scope="module")
def plain_seconds() -> dict[bool, float]:
    arnews.parse_text(plain(10_000))
    arnews.parse_html(plain_html(10_000))
    return {False: _seconds(plain(CI_SIZE), False), True: _seconds(plain_html(CI_SIZE), True)}


def _param(name: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=KNOWN[name])] if name in KNOWN else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [_param(n) for n in ADVERSARIAL])
def test_adversarial_input_time_is_a_bounded_multiple_of_plain(
    name: str, plain_seconds: dict[bool, float]
) -> None:
    build, html = ADVERSARIAL[name]
    source = build(CI_SIZE)
    ratio = _measure(lambda: _seconds(source, bool(html)) / plain_seconds[bool(html)], MAX_RATIO)
    assert ratio < MAX_RATIO, f"{name}: {ratio:.1f}× plain"


@pytest.mark.parametrize("name", [_param(n) for n in ADVERSARIAL])
def test_adversarial_input_time_grows_linearly(name: str) -> None:
    build, html = ADVERSARIAL[name]
    small_source, large_source = build(CI_SIZE // 4), build(CI_SIZE)

    # arnews's own work is timed without the cyclic collector: its full passes start once
    # enough objects are alive, a step that falls between the two sizes on inputs of tens of
    # thousands of tiny paragraphs («ا\n» × 21 000: ×7–10 with it compiled, ×6 pure; ×4
    # without), and would be measured as growth (docs/robustness.md)
    def growth() -> float:
        small = _seconds(small_source, bool(html), collector=False)
        large = _seconds(large_source, bool(html), collector=False)
        return large / max(small, 0.01)  # times under 10 ms are all noise

    assert _measure(growth, MAX_GROWTH) < MAX_GROWTH, f"{name}: ×{growth():.1f} for 4× the input"


def test_a_long_article_of_many_speakers_and_dates_stays_linear() -> None:
    """Regression: linking compared each mention with every entity before it and each
    pronoun copied the whole mention history, and the date detector counted paragraph breaks
    from the start of the text for every date: a 1 MB article took twice the linear time
    (×57 for 31× the input). Linear is ×31; the bound leaves room for a busy machine."""
    small, large = many_people(32_000), many_people(1_000_000)
    arnews.parse_text(small)

    def growth() -> float:
        return min(_seconds(large, False) for _ in range(2)) / min(
            _seconds(small, False) for _ in range(3)
        )

    assert _measure(growth, 45.0) < 45.0
