"""Smoke run of ``benchmarks/bench.py``: the scripts work; no timing is asserted.

Runs without the peers and without ../shared (on seeds/ and generated inputs), in seconds.
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from arnews.pipeline import STAGES, looks_like_html

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    sys.path.insert(0, str(BENCH))
    try:
        import bench

        yield bench
    finally:
        sys.path.remove(str(BENCH))


@pytest.fixture(scope="module")
def quick_run(bench: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("bench") / "run.json"
    assert bench.main(["--quick", "--no-peers", "--no-shared", "--out", str(out)]) == 0
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    data["_path"] = str(out)
    return data


def test_quick_run_covers_every_stage_and_says_where_inputs_came_from(
    quick_run: dict[str, Any],
) -> None:
    names = [name for name, _ in STAGES]
    assert quick_run["stage_names"] == ["check", *names]
    for group in ("text", "html"):
        assert list(quick_run["stages"][group]) == ["check", *names]
    assert quick_run["corpora"]["origin"] == "seeds+generated"
    assert quick_run["corpora"]["real_pages"] == 0


def test_quick_run_reports_peers_as_skipped_not_failed(quick_run: dict[str, Any]) -> None:
    rows = {r["key"]: r for r in quick_run["html"]["rows"]}
    assert "peers not requested" in rows["trafilatura_meta"]["skipped"]
    assert rows["arnews"]["articles_per_s"] > 0
    assert rows["lxml"]["vs_arnews"] > 0  # the floor ran


def test_report_says_the_corpus_is_absent(bench: ModuleType, quick_run: dict[str, Any]) -> None:
    text = bench.report(quick_run)
    assert "../shared is absent" in text
    assert "| parse_html time / lxml fromstring+itertext time |" in text


def test_compare_flags_a_slowdown_beyond_the_threshold(
    bench: ModuleType, quick_run: dict[str, Any], tmp_path: Path
) -> None:
    old = quick_run["figures"]
    slower = copy.deepcopy(quick_run)
    fig = slower["figures"]["text.arnews.articles_per_s"]
    fig["value"] /= 1.5  # a third less throughput: 50% more time
    mem = slower["figures"]["memory.text.traced_peak_mb"]
    mem["value"] *= 1.1  # within the threshold
    flagged, _ = bench.compare(old, slower["figures"], 0.2)
    assert [line.split()[0] for line in flagged] == ["text.arnews.articles_per_s"]
    saved = tmp_path / "slower.json"
    saved.write_text(json.dumps(slower), encoding="utf-8")
    argv = ["--load", str(saved), "--compare", quick_run["_path"], "--threshold", "0.2"]
    assert bench.main(argv) == 1
    assert bench.main([*argv[:-1], "0.6"]) == 0


def test_built_pages_wrap_the_article_in_chrome(bench: ModuleType) -> None:
    import bench_inputs as inputs

    corpora = inputs.load(None, pages=2)
    page = corpora.pages[0].text
    parts = inputs.split_article(corpora.texts[0].text)
    assert looks_like_html(page)
    assert "<nav" in page
    assert "<footer" in page
    assert "اقرأ أيضا" in page
    assert page.count("<script") >= 3
    assert all(p.replace("<", "&lt;") in page for p in parts.paragraphs if '"' not in p)
    assert inputs.load(None, pages=2).pages == corpora.pages  # deterministic


def test_a_scaled_article_is_exactly_its_pieces(bench: ModuleType) -> None:
    import bench_inputs as inputs

    texts = inputs.load(None, pages=0).texts
    base = len(inputs.median_article(texts).text)
    chunks = inputs.scaling_chunks(texts, 16)
    assert len(chunks) == 16
    assert all(len(c.text) >= base * 0.9 for c in chunks)
    joined = inputs.join_chunks(chunks).text
    assert 14 * base <= len(joined) <= 18 * base
    bodies = [p for c in chunks for p in inputs.split_article(c.text).paragraphs]
    assert inputs.split_article(joined).paragraphs == tuple(bodies)
