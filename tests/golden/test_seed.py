"""The seed article against the expectations written by reading it (seeds/*.expected.json)."""

from __future__ import annotations

import json

import pytest

import arnews
from tests.conftest import ROOT

SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed(path: object) -> None:
    assert hasattr(path, "with_suffix")
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    art = arnews.parse(path.read_bytes())  # type: ignore[attr-defined]
    assert art.headline == expected["headline"]
    assert art.dateline == expected["dateline"]
    assert [s.heading for s in art.sections] == expected["section_headings"]
    assert [len(s.paragraphs) for s in art.sections] == expected["paragraphs_per_section"]
    assert art.paragraphs[0].text.startswith(expected["first_paragraph_starts"])
    assert art.paragraphs[-1].text.startswith(expected["last_paragraph_starts"])
    assert list(art.boilerplate) == expected["boilerplate"]
    for absent in expected["not_in_text"]:
        assert absent not in art.text
    for want in expected["notices"]:
        hits = [
            n
            for n in art.notices
            if want["code_contains"] in n.code
            and n.span is not None
            and art.text[n.span.slice] == want["text"]
        ]
        assert hits, want


def _speaker_names(art: arnews.Article, q: arnews.Quote) -> list[str]:
    names = []
    if q.speaker is not None:
        names += [q.speaker.name, *q.speaker.aliases]
    if q.speaker_span is not None:
        names.append(art.text[q.speaker_span.slice])
    return names


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_who_said_what(path: object) -> None:
    assert hasattr(path, "with_suffix")
    expected = json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    art = arnews.parse(path.read_bytes())  # type: ignore[attr-defined]
    for want in expected.get("quotes", []):
        hits = [
            q
            for q in art.quotes
            if want["content_contains"] in q.text
            and q.cue is not None
            and want["cue"] in q.cue
            and any(want["speaker"] in n for n in _speaker_names(art, q))
            and q.pronoun == want["pronoun"]
        ]
        assert hits, want
    for speaker, count in expected.get("quotes_per_speaker", {}).items():
        credited = [q for q in art.quotes if any(speaker in n for n in _speaker_names(art, q))]
        assert len(credited) == count, speaker
    for want in expected.get("attributions", []):
        assert any(
            want["source"] in a.source.name and want["cue"] in a.cue for a in art.attributions
        ), want
    for absent in expected.get("not_speakers", []):
        for q in art.quotes:
            assert not any(absent in n for n in _speaker_names(art, q)), q
    for q in art.quotes:
        assert art.text[q.span.slice] == q.text
