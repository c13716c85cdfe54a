"""Per-stage timing of the adversarial inputs (docs/robustness.md); not run in CI.

    python -m tests.fuzz.adversarial [SIZE_BYTES] [NAME...]

Each input is built to about SIZE_BYTES of UTF-8 (default 1 MB) and timed stage by stage by
walking ``arnews.pipeline.STAGES``; the ratio is against plain Arabic prose of the same size.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from arnews.options import ParseOptions
from arnews.pipeline import STAGES, Context, State
from arnews.read.decode import check_source
from tests.hostile_inputs import ADVERSARIAL, plain, plain_html


def timed(source: str | bytes, html: bool | None) -> tuple[float, dict[str, float]]:
    """Total seconds and seconds per stage for one parse."""
    ctx = Context(options=ParseOptions())
    state = State(source=check_source(source, ctx.options), html=html)
    stages: dict[str, float] = {}
    for name, stage in STAGES:
        t0 = time.perf_counter()
        state = stage(state, ctx)
        stages[name] = time.perf_counter() - t0
    return sum(stages.values()), stages


def main(argv: list[str]) -> None:
    size = int(argv[0]) if argv else 1_000_000
    names = set(argv[1:])
    timed(plain(20_000), False)  # warm up: imports, compiled patterns, word lists
    timed(plain_html(20_000), True)
    base, _ = timed(plain(size), False)
    print(f"plain text {size:,} B: {base:.2f} s")
    print("| input | size | time (s) | ratio to plain | slowest stage |")
    print("|---|---|---|---|---|")
    builders: dict[str, tuple[Callable[[int], str], bool | None]] = ADVERSARIAL
    for name, (build, html) in builders.items():
        if names and name not in names:
            continue
        source = build(size)
        total, stages = timed(source, html)
        slow = max(stages, key=lambda k: stages[k])
        n = len(source.encode("utf-8"))
        print(
            f"| {name} | {n / 1e6:.2f} MB | {total:.2f} | {total / base:.1f} | "
            f"{slow} ({stages[slow]:.2f} s) |",
            flush=True,
        )


if __name__ == "__main__":
    main(sys.argv[1:])
