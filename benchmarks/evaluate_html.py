"""Score arnews (and trafilatura, when installed) on the real pages in ../shared/html.

For each page: the headline exact after folding, the bag-of-words F1 between the folded
``Article.text`` and the folded gold headline + body, and the publication day. Folding is the
one of ../shared/corpus/GOLD.md (``arnews.text.fold.match_key`` after HTML unescaping).

    python benchmarks/evaluate_html.py [--shared ../shared] [--per-page]

Prints a table per system and the mean time per page. Without ../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import html
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import arnews
from arnews.text.fold import match_key

ROOT = Path(__file__).resolve().parent.parent


def default_shared() -> Path:
    """``$ARNEWS_SHARED``, else ``../shared`` next to the checkout (or next to its parent)."""
    if env := os.environ.get("ARNEWS_SHARED"):
        return Path(env)
    for candidate in (ROOT.parent / "shared", ROOT.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return ROOT.parent / "shared"


def key(text: str | None) -> str:
    """Folded comparison form of a string (GOLD.md)."""
    return match_key(html.unescape(text or "")).lower()


def bag_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 between two folded texts."""
    p = collections.Counter(key(predicted).split())
    g = collections.Counter(key(gold).split())
    common = sum((p & g).values())
    if not p or not g or not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


Result = tuple[str | None, str, str | None]  # headline, text, published day (ISO)
System = Callable[[bytes, str], Result]


def run_arnews(page: bytes, url: str) -> Result:
    art = arnews.parse_html(page, url=url)
    day = None
    if art.published is not None:
        day = (
            art.published.date().isoformat()
            if isinstance(art.published, dt.datetime)
            else (art.published.isoformat())
        )
    return art.headline, art.text, day


def trafilatura_system() -> System | None:
    try:
        import trafilatura  # type: ignore[import-untyped]
    except ImportError:
        return None

    def run(page: bytes, url: str) -> Result:
        doc = trafilatura.bare_extraction(
            page.decode("utf-8", "replace"), url=url, with_metadata=True
        )
        if doc is None:
            return None, "", None
        get = doc.get if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
        title, text, date = get("title"), get("text") or "", get("date")
        return title, f"{title or ''}\n{text}", (date or None) and str(date)[:10]

    return run


def evaluate(shared: Path, per_page: bool) -> int:
    pages = shared / "html" / "pages"
    gold_dir = shared / "html" / "gold"
    if not pages.is_dir():
        print(f"no pages at {pages}: nothing to score")
        return 0
    systems: dict[str, System] = {"arnews": run_arnews}
    if (traf := trafilatura_system()) is not None:
        systems["trafilatura"] = traf
    else:
        print("trafilatura not installed (pip install 'arnews[bench]'): arnews alone")
    files = sorted(pages.glob("*.html"))
    for name, system in systems.items():
        heads = days = 0
        f1s: list[float] = []
        elapsed = 0.0
        for path in files:
            gold = json.loads((gold_dir / f"{path.stem}.json").read_text(encoding="utf-8"))
            page = path.read_bytes()
            start = time.perf_counter()
            headline, text, day = system(page, gold.get("url") or "")
            elapsed += time.perf_counter() - start
            head_ok = key(headline) == key(gold["headline"])
            day_ok = day == gold.get("published")
            f1 = bag_f1(text, f"{gold['headline']}\n{gold['body']}")
            heads += head_ok
            days += day_ok
            f1s.append(f1)
            if per_page:
                print(
                    f"  {name:12} {path.stem[:34]:34} head={'ok' if head_ok else 'NO':2} "
                    f"day={day or '-':10} ({'ok' if day_ok else 'NO'}) F1={f1:.3f}"
                )
                if not head_ok:
                    print(f"      got  {headline!r}\n      gold {gold['headline']!r}")
        n = len(files)
        print(
            f"{name:12} headline {heads}/{n}  body F1 {sum(f1s) / n:.3f}  "
            f"published day {days}/{n}  {1000 * elapsed / n:.1f} ms/page"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--per-page", action="store_true")
    args = parser.parse_args(argv)
    return evaluate(args.shared, args.per_page)


if __name__ == "__main__":
    sys.exit(main())
