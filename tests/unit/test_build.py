"""Which build of arnews the tests run against (see hatch_build.py and .ci/wheel-check)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

import arnews


def test_compiled_says_which_build_is_imported() -> None:
    # `compiled` follows the file the model module was loaded from: a .py file or an
    # extension module built by mypyc.
    where = Path(sys.modules["arnews.model"].__file__ or "")
    assert arnews.compiled is (where.suffix != ".py"), where


@pytest.mark.skipif("ARNEWS_EXPECT_COMPILED" not in os.environ, reason="set by .ci/wheel-check")
def test_the_expected_build_is_imported() -> None:
    # .ci/wheel-check runs the suite against the installed wheel: the tests must not import
    # the repository's own arnews/, and the wheel must be the build the check expects.
    expected = os.environ["ARNEWS_EXPECT_COMPILED"] == "1"
    assert arnews.compiled is expected, arnews.__file__
    repo = Path(__file__).resolve().parents[2]
    assert not Path(arnews.__file__ or "").resolve().is_relative_to(repo), arnews.__file__
