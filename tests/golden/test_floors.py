"""The evaluation on ../shared/corpus/gold must meet every floor of benchmarks/floors.json."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from arnews import Article, Attribution, Dateline, DateMention, Quote, Section, Source, Span
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
    if problems:
        pytest.fail("\n".join([*problems, "", evaluate.format_table(report)]), pytrace=False)


def _gold_as_prediction(gold: dict[str, Any]) -> Article:
    """An article predicting exactly what the gold says (spans are irrelevant to scoring)."""
    nowhere = Span(start=0, end=0)
    dateline = gold["dateline"]
    return Article(
        text="",
        headline=gold["headline"],
        dateline=Dateline(
            text=dateline["text"], span=nowhere, place=dateline["place"], agency=dateline["agency"]
        )
        if dateline
        else None,
        byline=tuple(gold["byline"]),
        sections=tuple(Section(heading=h, heading_span=nowhere) for h in gold["section_headings"]),
        quotes=tuple(
            Quote(
                text=q["content_start"],
                span=nowhere,
                kind=q["kind"],
                speaker=Source(name=q["speaker"]) if q["speaker"] else None,
            )
            for q in gold["quotes"]
        ),
        attributions=tuple(
            Attribution(
                text=a["source"],
                span=nowhere,
                source=Source(name=a["source"]),
                cue=a["cue"],
                cue_span=nowhere,
            )
            for a in gold["attributions"]
        ),
        dates=tuple(
            DateMention(
                text=d["text"],
                span=nowhere,
                calendar=d["calendar"],
                value=d["value"],
                gregorian=dt.date.fromisoformat(d["gregorian"]) if d.get("gregorian") else None,
            )
            for d in gold["dates"]
        ),
    )


def test_the_gold_scores_perfectly_against_itself(corpus_dir: Path) -> None:
    """Fed back as a prediction, every gold annotation is found and right.

    The scorer handles every annotation shape of the corpus (null headlines and places,
    speakers of pronoun quotes, Hijri dates with a Gregorian day, repeated items such as two
    «غداً»), and one-to-one matching pairs two identical lists completely.
    """
    totals = {name: evaluate.Tally() for name in evaluate.FIELDS}
    for gold_path, _ in evaluate.gold_pairs(corpus_dir):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        score = evaluate.score_article(gold, _gold_as_prediction(gold))
        assert not score.mismatches, (gold_path.stem, score.mismatches)
        for name, tally in score.tallies.items():
            totals[name].add(tally)
    for name, kind in evaluate.FIELDS.items():
        tally = totals[name]
        assert (tally.gold if kind == "prf" else tally.total) > 0, name
        if kind == "prf":
            assert tally.precision == tally.recall == 1.0, name
        else:
            assert tally.accuracy == 1.0, name
