"""The evaluation on ../shared/corpus/gold must meet every floor of benchmarks/floors.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import evaluate
from tests.conftest import ROOT

FLOORS = ROOT / "benchmarks" / "floors.json"


@pytest.fixture(scope="module")
def report(corpus_dir: Path) -> evaluate.Report:
    return evaluate.evaluate(corpus_dir)


def test_every_metric_has_a_floor() -> None:
    floors = evaluate.load_floors(FLOORS)
    assert sorted(floors) == sorted(evaluate.metric_names())
    assert all(0.0 <= value <= 1.0 for value in floors.values())


def test_every_gold_article_is_scored(corpus_dir: Path, report: evaluate.Report) -> None:
    gold_files = sorted(p.stem for p in (corpus_dir / "gold").glob("*.json"))
    assert [a.id for a in report.articles] == gold_files
    assert not {a.id: a.error for a in report.articles if a.error}


def test_floors(report: evaluate.Report) -> None:
    problems = evaluate.check_floors(report.scores, evaluate.load_floors(FLOORS))
    assert not problems, "\n".join(problems)
