"""Shared fixtures: where the repository and ../shared are, and the hypothesis profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ARNEWS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"

settings.register_profile(
    "ci", max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """``../shared/corpus``; tests that need it skip when it is absent."""
    if not (CORPUS / "articles").is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS
