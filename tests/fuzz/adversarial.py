"""Per-stage timing of the adversarial inputs (docs/robustness.md); not run in CI.

    python -m tests.fuzz.adversarial [SIZE_BYTES] [NAME...]
    python -m tests.fuzz.adversarial --scale [SIZE_BYTES] [NAME...]

``--scale`` times each input at SIZE/4 and SIZE and prints how much each stage grew: about
4 for a linear stage, 16 for a quadratic one.

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


def scale(argv: list[str]) -> None:
    """Growth of each stage's time when the input grows four times."""
    size = int(argv[0]) if argv else 400_000
    names = set(argv[1:])
    timed(plain(20_000), False)
    timed(plain_html(20_000), True)
    cases = {"plain": (plain, False), **ADVERSARIAL}
    print(f"| input | time at {size // 4:,} B | time at {size:,} B | growth | worst stage |")
    print("|---|---|---|---|---|")
    for name, (build, html) in cases.items():
        if names and name not in names:
            continue
        small, s_stages = timed(build(size // 4), html)
        large, l_stages = timed(build(size), html)
        growth = {k: l_stages[k] / max(s_stages[k], 1e-3) for k in l_stages if l_stages[k] > 0.05}
        worst = max(growth, key=lambda k: growth[k]) if growth else "-"
        where = f"{worst} ×{growth[worst]:.1f}" if growth else "-"
        print(f"| {name} | {small:.2f} | {large:.2f} | ×{large / small:.1f} | {where} |", flush=True)


def main(argv: list[str]) -> None:
    if argv[:1] == ["--scale"]:
        scale(argv[1:])
        return
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
