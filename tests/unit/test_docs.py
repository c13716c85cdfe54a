"""The documentation keeps up with the code: every notice code is documented, every Python
example is a doctest (so pytest runs it), every page is in the site's navigation, and the
version has one source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import arnews
from tests.conftest import ROOT

DOCS = ROOT / "docs"
PAGES = sorted(p for p in DOCS.rglob("*.md"))

# A notice code written in the source: `code="date.invalid"`, or `code=f"{kind}.placeholder"`
# whose kinds are the ones listed in DYNAMIC_CODES below.
_LITERAL_CODE = re.compile(r'code\s*=\s*"([a-z0-9-]+(?:\.[a-z0-9-]+)+)"')
_DYNAMIC_CODE = re.compile(r'code\s*=\s*f"')
DYNAMIC_CODES = {"arnews/layout/__init__.py": {"date.placeholder", "text.placeholder"}}

# ```python fences and their bodies.
_PYTHON_BLOCK = re.compile(r"^```python[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# Pages whose owners have not yet turned an illustration into a doctest (tracked in the
# docs issue); nothing may be added here.
NOT_YET_DOCTESTS: set[str] = set()


def _source_codes() -> dict[str, set[str]]:
    codes: dict[str, set[str]] = {}
    for path in sorted((ROOT / "arnews").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        text = path.read_text(encoding="utf-8")
        for code in _LITERAL_CODE.findall(text):
            codes.setdefault(code, set()).add(rel)
        if _DYNAMIC_CODE.search(text):
            assert rel in DYNAMIC_CODES, f"{rel} builds a notice code at run time: list its codes"
            for code in DYNAMIC_CODES[rel]:
                codes.setdefault(code, set()).add(rel)
    return codes


def test_the_source_emits_notices() -> None:
    codes = _source_codes()
    assert {"decode.windows-1256", "date.placeholder", "quote.unbalanced"} <= set(codes)


def test_every_notice_code_is_documented() -> None:
    page = (DOCS / "notices.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9.-]+)` \|", page, re.MULTILINE))
    undocumented = {c: sorted(where) for c, where in _source_codes().items() if c not in listed}
    assert not undocumented, f"add these codes to docs/notices.md: {undocumented}"


def test_documented_notice_codes_exist() -> None:
    page = (DOCS / "notices.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z0-9.-]+)` \|", page, re.MULTILINE))
    stale = listed - set(_source_codes())
    assert not stale, f"docs/notices.md lists codes the source never emits: {sorted(stale)}"


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *PAGES], ids=lambda p: p.relative_to(ROOT).as_posix()
)
def test_python_examples_are_doctests(page: Path) -> None:
    """A ```python block without `>>>` would be shown but never run."""
    blocks = _PYTHON_BLOCK.findall(page.read_text(encoding="utf-8"))
    untested = [b.strip().splitlines()[0] for b in blocks if ">>>" not in b]
    if page.name in NOT_YET_DOCTESTS and page.parent == DOCS:
        if not untested:
            pytest.fail(f"{page.name} is all doctests now: remove it from NOT_YET_DOCTESTS")
        pytest.xfail(f"{page.name} has examples that are not doctests yet")
    assert not untested, f"make these examples doctests (>>> ...): {untested}"


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = set(re.findall(r":\s*([\w/.-]+\.md)\s*$", config, re.MULTILINE))
    pages = {p.relative_to(DOCS).as_posix() for p in PAGES}
    assert pages - nav == set(), "pages missing from the nav in mkdocs.yml"
    assert nav - pages == set(), "nav entries without a page"


def test_the_version_has_one_source() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^dynamic = \["version"\]', pyproject, re.MULTILINE)
    assert not re.search(r"^version\s*=", pyproject, re.MULTILINE)
    assert 'path = "arnews/_version.py"' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+((a|b|rc)\d+)?(\.dev\d+)?", arnews.__version__)
    assert "## Unreleased" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
