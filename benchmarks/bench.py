"""How fast arnews parses, how its cost grows, and how it compares, in one run.

Usage (from the repository root; peers come with ``pip install -e '.[bench]'``)::

    python benchmarks/bench.py                                  # a run of a few minutes
    python benchmarks/bench.py --pages 120 --batch 10000 --out bench.json   # the full run
    python benchmarks/bench.py --compare bench.json --threshold 0.2         # regression guard
    python benchmarks/bench.py --quick --no-peers                           # seconds; CI smoke

Everything that matters is a ratio measured in the same run (arnews against each peer and
against the floors), so that a busy or slow machine changes the ratios little. Each figure
is the median over repeated passes over the same inputs, after a warm-up pass that is not
counted; contenders take turns pass by pass, so load on the machine hits them alike.

The per-stage breakdown walks ``arnews.pipeline.STAGES`` as ``run`` does, timing each stage;
new stages appear in the table without any change here.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import logging
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_inputs as inputs
import bench_peers as peers
from bench_inputs import Doc

import arnews
from arnews.options import ParseOptions
from arnews.pipeline import STAGES, Context, State
from arnews.read.decode import check_source

SCHEMA = 1
FACTORS = (1, 4, 16, 64)
TARGETS = (
    # (key, what, figure, comparison, bound)
    (
        "html_vs_trafilatura_meta",
        "parse_html throughput / trafilatura.extract(with_metadata=True)",
        ">=",
        4.0,
    ),
    ("html_vs_lxml_floor", "parse_html time / lxml fromstring+itertext time", "<=", 4.0),
    ("text_vs_search_dates", "search_dates(ar) time / parse_text time (corpus)", ">=", 20.0),
    ("text_scaling_64x", "parse_text time at 64x / at 1x the median length", "<=", 80.0),
)

Figures = dict[str, dict[str, Any]]


# --- machine ---------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """CPU model, cores, Python and library versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "arnews": arnews.__version__,
        "compiled": getattr(arnews, "compiled", False),
    }


# --- timing ----------------------------------------------------------------------------------


def _pass(fn: Callable[[str], object], docs: Sequence[Doc]) -> float:
    t0 = time.perf_counter()
    for d in docs:
        fn(d.text)
    return time.perf_counter() - t0


def time_group(
    fns: dict[str, Callable[[str], object]],
    docs: Sequence[Doc],
    *,
    repeats: int,
    budget: float,
) -> dict[str, list[float]]:
    """Seconds per pass over ``docs`` for each function, taking turns pass by pass.

    A warm-up pass over the first few inputs is not counted. A function gets another pass
    while it has fewer than ``repeats`` and has spent less than ``budget`` seconds (at least
    one pass each), so a slow peer is not run for minutes.
    """
    warm = docs[: min(len(docs), 8)]
    for fn in fns.values():
        _pass(fn, warm)
    samples: dict[str, list[float]] = {k: [] for k in fns}
    while True:
        todo = [
            k
            for k in fns
            if len(samples[k]) < repeats and (not samples[k] or sum(samples[k]) < budget)
        ]
        if not todo:
            return samples
        for k in todo:
            samples[k].append(_pass(fns[k], docs))


def per_call(fn: Callable[[str], object], text: str, *, repeats: int, min_time: float) -> float:
    """Median seconds per call of ``fn(text)``, each sample looping until ``min_time``."""
    t0 = time.perf_counter()
    fn(text)  # warm-up, also the calibration
    once = max(time.perf_counter() - t0, 1e-7)
    loops = max(1, math.ceil(min_time / once))
    samples = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(loops):
            fn(text)
        samples.append((time.perf_counter() - t0) / loops)
    return statistics.median(samples)


def stage_times(docs: Sequence[Doc], *, html: bool, repeats: int) -> dict[str, float]:
    """Median seconds per pass spent in each stage of ``STAGES`` (plus ``check``).

    Mirrors ``arnews.pipeline.run``: the input check, then every stage in order.
    """
    options = ParseOptions()
    names = ["check", *(name for name, _ in STAGES)]
    runs: dict[str, list[float]] = {n: [] for n in names}
    for rep in range(repeats + 1):  # the first pass is the warm-up
        totals = dict.fromkeys(names, 0.0)
        clock = time.perf_counter
        for d in docs:
            ctx = Context(options=options)
            t0 = clock()
            state = State(source=check_source(d.text, options), html=html)
            t1 = clock()
            totals["check"] += t1 - t0
            for name, stage in STAGES:
                t0 = clock()
                state = stage(state, ctx)
                totals[name] += clock() - t0
            assert state.article is not None
        if rep:
            for n in names:
                runs[n].append(totals[n])
    return {n: statistics.median(v) for n, v in runs.items()}


# --- batch, imports, memory ------------------------------------------------------------------


def _parse_len(text: str) -> int:
    return len(arnews.parse_text(text).text)


def batch_throughput(texts: list[str], processes: int) -> float:
    """Articles per second over ``texts`` with a pool of ``processes`` (warmed before timing)."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=processes) as pool:
        list(pool.map(_parse_len, texts[: processes * 4]))
        chunk = max(1, len(texts) // (processes * 16))
        t0 = time.perf_counter()
        sum(pool.map(_parse_len, texts, chunksize=chunk))
        return len(texts) / (time.perf_counter() - t0)


# Where the fresh interpreters run: `python -c` puts its working directory first on sys.path,
# and in the repository that is the source tree's pure-Python arnews, not the installed one
# (a compiled wheel, say).
_OUTSIDE: Final = tempfile.gettempdir()


def import_time(statement: str, runs: int) -> float | None:
    """Median milliseconds for ``statement`` in a fresh interpreter (first run not counted)."""
    code = f"import time\nt0 = time.perf_counter()\n{statement}\nprint(time.perf_counter() - t0)"
    samples = []
    for i in range(runs + 1):
        proc = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=False,
            cwd=_OUTSIDE,
        )
        if proc.returncode != 0:
            return None
        if i:
            samples.append(float(proc.stdout.strip().splitlines()[-1]) * 1000)
    return statistics.median(samples)


def heaviest_imports(statement: str, top: int = 6) -> list[tuple[str, float]]:
    """The packages that cost most in ``python -X importtime -c statement`` (ms).

    Third-party and standard packages by cumulative time; arnews's own modules by their
    summed self time.
    """
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", statement],
        capture_output=True,
        text=True,
        check=False,
        cwd=_OUTSIDE,
    )
    cost: dict[str, float] = {}
    own = 0.0
    for line in proc.stderr.splitlines():
        fields = line.split("|")
        if len(fields) != 3 or not fields[1].strip().isdigit():
            continue
        name = fields[2].strip()
        root = name.split(".")[0]
        if root == "arnews":
            own += int(fields[0].split(":")[1]) / 1000  # self time of arnews's own modules
            continue
        # a package's top module carries everything imported under it
        cost[root] = max(cost.get(root, 0.0), int(fields[1]) / 1000)
    for startup in ("site", "encodings", "_frozen_importlib_external", "zipimport", "io"):
        cost.pop(startup, None)
    cost["arnews (own modules)"] = own
    return sorted(cost.items(), key=lambda kv: -kv[1])[:top]


def peak_memory(fn: Callable[[str], object], text: str) -> float:
    """Peak traced allocation in MB while ``fn(text)`` runs (after a warm-up call)."""
    fn(text)
    tracemalloc.start()
    try:
        fn(text)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def max_rss_mb() -> float | None:
    """The process's peak resident set size in MB, where ``resource`` exists."""
    try:
        import resource
    except ImportError:
        return None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / 1e6 if sys.platform == "darwin" else rss / 1e3


# --- the run ---------------------------------------------------------------------------------


def _fig(figs: Figures, name: str, value: float, unit: str, better: str, guard: bool) -> None:
    figs[name] = {"value": value, "unit": unit, "better": better, "guard": guard}


def measure_group(
    group: str, docs: Sequence[Doc], args: argparse.Namespace, figs: Figures
) -> dict[str, Any]:
    """Time every contender of ``group`` over ``docs``; fill ``figs``; return the rows."""
    contenders = peers.contenders(group, docs[0].text, peers=not args.no_peers)
    fns = {c.key: c.fn for c in contenders if c.fn is not None}
    samples = time_group(fns, docs, repeats=args.repeats, budget=args.budget)
    n, nbytes = len(docs), sum(d.nbytes for d in docs)
    med = {k: statistics.median(v) for k, v in samples.items()}
    floor = "lxml" if group == "html" else "split"
    rows = []
    for c in contenders:
        if c.fn is None:
            rows.append({"key": c.key, "label": c.label, "kind": c.kind, "skipped": c.skipped})
            continue
        t = med[c.key]
        row = {
            "key": c.key,
            "label": c.label,
            "kind": c.kind,
            "passes": len(samples[c.key]),
            "seconds": t,
            "articles_per_s": n / t,
            "mb_per_s": nbytes / 1e6 / t,
            "ms_per_article": t / n * 1000,
            "vs_arnews": t / med["arnews"],
            "vs_floor": t / med[floor],
        }
        rows.append(row)
        arn = c.kind == "arnews"
        _fig(figs, f"{group}.{c.key}.articles_per_s", n / t, "articles/s", "higher", arn)
        _fig(figs, f"{group}.{c.key}.mb_per_s", nbytes / 1e6 / t, "MB/s", "higher", False)
    _fig(
        figs,
        f"{group}.arnews.vs_{floor}_floor",
        med["arnews"] / med[floor],
        "x floor time",
        "lower",
        True,
    )
    return {"inputs": n, "mb": nbytes / 1e6, "floor": floor, "rows": rows}


def measure_stages(
    group: str, docs: Sequence[Doc], args: argparse.Namespace, figs: Figures
) -> dict[str, float]:
    """Per-stage seconds per pass; figures in microseconds per article."""
    html = group == "html"
    times = stage_times(docs, html=html, repeats=max(1, min(args.repeats, 3)))
    total = sum(times.values())
    for name, t in times.items():
        _fig(
            figs,
            f"stage.{group}.{name}.us_per_article",
            t / len(docs) * 1e6,
            "us/article",
            "lower",
            t >= 0.1 * total,  # tiny stages are all noise
        )
    return times


def _joined_vs_pieces(
    fn: Callable[[str], object], joined: str, pieces: Sequence[Doc], repeats: int
) -> tuple[float, float]:
    """Median seconds for ``fn(joined)`` and for ``fn`` over the pieces, taken in turns."""
    fn(joined)
    _pass(fn, pieces)
    whole: list[float] = []
    apart: list[float] = []
    for _ in range(repeats):
        apart.append(_pass(fn, pieces))
        t0 = time.perf_counter()
        fn(joined)
        whole.append(time.perf_counter() - t0)
    return statistics.median(whole), statistics.median(apart)


def measure_scaling(
    texts: Sequence[Doc], args: argparse.Namespace, figs: Figures
) -> dict[str, Any]:
    """parse_text and parse_html on one article of 1x..64x the median length.

    The kx article is the join of the first k of 64 median-length pieces; its time is set
    against the time of the same k pieces parsed one by one, measured in turns with it (so a
    change of load on the machine hits both), and the ratio measures the cost of length
    alone, not a change of content. The "1x" row is the mean time of a piece.
    """
    chunks = inputs.scaling_chunks(texts, max(FACTORS))
    pages = [inputs.as_page(c, texts) for c in chunks]
    reps = max(1, args.repeats)
    out: dict[str, Any] = {"text": {}, "html": {}, "ratio": {}, "stages": {}, "chars": {}}
    for kind, fn, pieces in (
        ("text", arnews.parse_text, chunks),
        ("html", arnews.parse_html, pages),
    ):
        out["ratio"][kind] = {"1": 1.0}
        for factor in FACTORS[1:]:
            doc = inputs.join_chunks(chunks[:factor])
            whole = doc if kind == "text" else inputs.as_page(doc, texts)
            t_whole, t_apart = _joined_vs_pieces(fn, whole.text, pieces[:factor], reps)
            k = str(factor)  # JSON keys are strings
            out[kind][k] = t_whole
            out["ratio"][kind][k] = t_whole / t_apart
            out["chars"].setdefault(k, []).append(len(whole.text))
            if factor == max(FACTORS):
                out[kind]["1"] = t_apart / factor
                out["chars"].setdefault("1", []).append(
                    sum(len(p.text) for p in pieces) // len(pieces)
                )
    out["chars"] = {k: out["chars"][k] for k in map(str, FACTORS)}
    st = stage_times(chunks, html=False, repeats=reps)
    out["stages"]["1"] = {n: v / len(chunks) for n, v in st.items()}
    for factor in FACTORS[1:]:
        doc = inputs.join_chunks(chunks[:factor])
        out["stages"][str(factor)] = stage_times([doc], html=False, repeats=reps)
    for kind in ("text", "html"):
        t = out[kind]
        for factor in FACTORS:
            _fig(figs, f"scaling.{kind}.x{factor}.ms", t[str(factor)] * 1000, "ms", "lower", False)
        _fig(
            figs,
            f"scaling.{kind}.ratio_64x",
            out["ratio"][kind]["64"] * 64,
            "x 1x time",
            "lower",
            kind == "text",
        )
    return out


def measure_batch(texts: Sequence[Doc], args: argparse.Namespace, figs: Figures) -> dict[str, Any]:
    """Throughput over a batch of ``--batch`` articles: in-process, 1 and 2 processes."""
    items = inputs.batch(texts, args.batch)
    out: dict[str, Any] = {"size": len(items)}
    docs = [Doc(str(i), t) for i, t in enumerate(items)]
    _pass(arnews.parse_text, docs[:8])
    out["in_process"] = len(items) / _pass(arnews.parse_text, docs)
    _fig(figs, "batch.in_process.articles_per_s", out["in_process"], "articles/s", "higher", True)
    for p in (1, 2):
        out[f"p{p}"] = batch_throughput(items, p)
        _fig(figs, f"batch.p{p}.articles_per_s", out[f"p{p}"], "articles/s", "higher", False)
    return out


def measure_imports(args: argparse.Namespace, figs: Figures) -> dict[str, Any]:
    """Cold import times (ms) of arnews and of each peer; arnews's heaviest imports."""
    out: dict[str, Any] = {}
    for key, statement in peers.IMPORTS:
        if (args.no_peers and key not in ("arnews", "arnews+html", "lxml")) or (
            args.quick and key != "arnews"
        ):
            continue
        ms = import_time(statement, args.import_runs)
        out[key] = ms
        if ms is not None:
            _fig(figs, f"import.{key}.ms", ms, "ms", "lower", key.startswith("arnews"))
    out["heaviest"] = heaviest_imports("import arnews")
    return out


def rss_growth(group: str, key: str, probe: str, text: str) -> float | None:
    """MB the peak RSS of a fresh process grows while one contender parses ``text``.

    The child imports everything and calls the contender once on the small ``probe`` (so
    lazy imports are done), then resets the peak (Linux ``/proc/self/clear_refs``) before
    taking the baseline; RSS counts what tracemalloc cannot see, such as lxml's C
    allocations.
    """
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "probe").write_text(probe, encoding="utf-8")
        Path(tmp, "text").write_text(text, encoding="utf-8")
        code = (
            f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench; "
            f"bench._rss_child({group!r}, {key!r}, {tmp!r})"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=tmp
        )
    if proc.returncode != 0 or not proc.stdout.strip():
        return None
    return float(proc.stdout.strip().splitlines()[-1])


def _rss_child(group: str, key: str, tmp: str) -> None:
    probe = Path(tmp, "probe").read_text(encoding="utf-8")
    text = Path(tmp, "text").read_text(encoding="utf-8")
    (fn,) = (c.fn for c in peers.contenders(group, probe, only=key))
    assert fn is not None
    fn(probe)
    before = _reset_peak_rss()
    fn(text)
    after = _peak_rss()
    if before is not None and after is not None:
        print(after - before)


def _peak_rss() -> float | None:
    """VmHWM (peak RSS) in MB from /proc, or the rusage peak elsewhere."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return max_rss_mb()
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1e3
    return max_rss_mb()


def _reset_peak_rss() -> float | None:
    """Reset the peak RSS to the current RSS where Linux allows it; the peak after."""
    with contextlib.suppress(OSError):  # no reset: growth against the peak so far (may be 0)
        Path("/proc/self/clear_refs").write_text("5")
    return _peak_rss()


def measure_memory(
    corpora: inputs.Corpora, args: argparse.Namespace, figs: Figures
) -> dict[str, Any]:
    """Peak memory on the biggest inputs, arnews and the peers.

    Two figures: the peak of Python allocations (tracemalloc, in this process) and the growth
    of peak RSS in a fresh process (sees C allocations too; coarse, in whole pages).
    """
    big_text = inputs.join_chunks(inputs.scaling_chunks(corpora.texts, max(FACTORS)))
    big_page = max(corpora.pages, key=lambda d: len(d.text))
    small_text = min(corpora.texts, key=lambda d: len(d.text))
    small_page = min(corpora.pages, key=lambda d: len(d.text))
    out: dict[str, Any] = {
        "big_text_chars": len(big_text.text),
        "big_page": big_page.name,
        "big_page_chars": len(big_page.text),
        "rows": [],
    }
    cases: list[tuple[peers.Contender, str, str, str]] = []
    for group, big, small, what in (
        ("text", big_text, small_text, "text x64"),
        ("html", big_page, small_page, "largest page"),
    ):
        for c in peers.contenders(group, small.text, peers=not args.no_peers):
            if c.fn is not None and c.key != "split":
                cases.append((c, group, what, big.text))
    for c, group, what, text in cases:
        assert c.fn is not None
        traced = peak_memory(c.fn, text)
        small = small_text if group == "text" else small_page
        rss = None if args.quick else rss_growth(group, c.key, small.text, text)
        out["rows"].append({"label": c.label, "input": what, "peak_mb": traced, "rss_mb": rss})
        if c.kind == "arnews":
            _fig(figs, f"memory.{group}.traced_peak_mb", traced, "MB", "lower", True)
    out["max_rss_mb"] = max_rss_mb()
    return out


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The issue's targets, as measured ratios, with the stage that costs most on a miss."""
    rows = {g: {r["key"]: r for r in results[g]["rows"]} for g in ("text", "html")}

    def time_of(group: str, key: str) -> float | None:
        row = rows[group].get(key, {})
        return row.get("seconds")

    arn_h, arn_t = time_of("html", "arnews"), time_of("text", "arnews")
    traf, lxml_t, sd = (
        time_of("html", "trafilatura_meta"),
        time_of("html", "lxml"),
        time_of("text", "search_dates"),
    )
    measured = {
        "html_vs_trafilatura_meta": traf / arn_h if traf and arn_h else None,
        "html_vs_lxml_floor": arn_h / lxml_t if arn_h and lxml_t else None,
        "text_vs_search_dates": sd / arn_t if sd and arn_t else None,
        "text_scaling_64x": results["scaling"]["ratio"]["text"]["64"] * 64,
    }
    out = []
    for key, what, op, bound in TARGETS:
        value = measured[key]
        met = None if value is None else (value >= bound if op == ">=" else value <= bound)
        row: dict[str, Any] = {"key": key, "what": what, "op": op, "bound": bound}
        row.update(value=value, met=met)
        if met is False:
            if key == "text_scaling_64x":
                st = results["scaling"]["stages"]
                growth = {n: st["64"][n] / max(st["1"][n], 1e-9) for n in st["64"]}
                worst = max(growth, key=lambda n: st["64"][n])
                row["cost"] = (
                    f"stage '{worst}' takes {st['64'][worst] * 1000:.1f} ms at 64x "
                    f"({growth[worst]:.0f}x its 1x time)"
                )
            else:
                group = "text" if key.startswith("text") else "html"
                st = results["stages"][group]
                total = sum(st.values())
                worst = max(st, key=lambda n: st[n])
                row["cost"] = f"stage '{worst}' takes {st[worst] / total:.0%} of parse_{group}"
        out.append(row)
    return out


# --- report ----------------------------------------------------------------------------------


def _f(x: float | None, digits: int = 1) -> str:
    if x is None:
        return "n/a"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}" if x >= 1 else f"{x:.{digits + 2}f}"


def report(results: dict[str, Any]) -> str:
    """The results as Markdown tables."""
    m, c = results["machine"], results["corpora"]
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['implementation']} {m['python']}, arnews {m['arnews']}, "
        f"arnews compiled with mypyc: {'yes' if m.get('compiled') else 'no'}",
        f"Inputs: {c.get('shared') or c['origin']} — {c['texts']} plain-text articles "
        f"({c['text_mb']:.2f} MB), "
        f"{c['pages']} HTML pages ({c['real_pages']} real, {c['pages'] - c['real_pages']} built; "
        f"{c['page_mb']:.2f} MB)",
    ]
    if c["origin"] != "shared":
        lines.append(
            "NOTE: ../shared is absent: the inputs are seeds/ and generated articles, "
            "not the real corpus; the figures are not comparable with a corpus run."
        )
    lines.append(f"Stages: {' → '.join(results['stage_names'])}")
    for group, title in (("text", "Plain text"), ("html", "HTML pages")):
        g = results[group]
        floor = "lxml" if group == "html" else "str.split"
        lines += [
            "",
            f"### {title} ({g['inputs']} inputs, {g['mb']:.2f} MB)",
            "",
            "| contender | articles/s | MB/s | ms/article | time ÷ arnews "
            f"| time ÷ {floor} | passes |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in g["rows"]:
            if "skipped" in r:
                lines.append(f"| {r['label']} | skipped: {r['skipped'][:90]} ||||||")
                continue
            lines.append(
                f"| {r['label']} | {_f(r['articles_per_s'])} | {_f(r['mb_per_s'], 2)} | "
                f"{_f(r['ms_per_article'], 2)} | {_f(r['vs_arnews'], 2)} | "
                f"{_f(r['vs_floor'], 2)} | {r['passes']} |"
            )
    for group in ("text", "html"):
        st = results["stages"][group]
        total = sum(st.values())
        n = results[group]["inputs"]
        lines += [
            "",
            f"### Stages, parse_{group} (µs per article, median pass)",
            "",
            "| stage | µs/article | share |",
            "|---|---:|---:|",
        ]
        lines += [f"| {k} | {_f(v / n * 1e6)} | {v / total:.0%} |" for k, v in st.items()]
    sc = results["scaling"]
    lines += [
        "",
        "### Scaling with input size (one article of k × the median length; "
        "1x = mean of its 64 pieces parsed alone)",
        "",
        "| k | text chars | parse_text ms | ÷ k·(1x) | ÷ previous | page chars | parse_html ms "
        "| ÷ k·(1x) | ÷ previous |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    prev = None
    for k in FACTORS:
        tc, hc = sc["chars"][str(k)]
        tt, th = sc["text"][str(k)], sc["html"][str(k)]
        step = (
            f"{tt / sc['text'][prev]:.1f} | " if prev else "– | ",
            f"{th / sc['html'][prev]:.1f}" if prev else "–",
        )
        lines.append(
            f"| {k} | {tc:,} | {_f(tt * 1000, 2)} | {sc['ratio']['text'][str(k)]:.2f} | {step[0]}"
            f"{hc:,} | {_f(th * 1000, 2)} | {sc['ratio']['html'][str(k)]:.2f} | {step[1]} |"
        )
        prev = str(k)
    lines.append(
        f"\n64x/1x time: parse_text {sc['ratio']['text']['64'] * 64:.1f}x, "
        f"parse_html {sc['ratio']['html']['64'] * 64:.1f}x (the page chrome is fixed, "
        "so the page grows less than 64x). «÷ k·(1x)»: the time of the kx article over the "
        "time of its k pieces parsed alone, measured in turns (1 = linear). «÷ previous»: "
        "each step is 4x longer, so near 4 is linear and above 4 grows faster."
    )
    st1, st16, st64 = (sc["stages"][k] for k in ("1", "16", "64"))
    lines.append(
        "Per stage, 64x ÷ 1x: "
        + ", ".join(f"{n} {st64[n] / max(st1[n], 1e-9):.0f}x" for n in st64)
        + "; 64x ÷ 16x: "
        + ", ".join(f"{n} {st64[n] / max(st16[n], 1e-9):.1f}x" for n in st64)
    )
    b = results["batch"]
    lines += [
        "",
        f"### Batch of {b['size']:,} articles (parse_text)",
        "",
        "| mode | articles/s |",
        "|---|---:|",
        f"| in process | {_f(b['in_process'])} |",
        f"| 1 process (pool) | {_f(b['p1'])} |",
        f"| 2 processes (pool) | {_f(b['p2'])} ({b['p2'] / b['p1']:.2f}x of 1) |",
    ]
    imp = results["imports"]
    lines += ["", "### Cold import (ms, fresh interpreter, median)", ""]
    lines.append(
        " · ".join(f"{k} {_f(v)}" for k, v in imp.items() if k != "heaviest" and v is not None)
    )
    lines.append(
        "Heaviest in `python -X importtime -c 'import arnews'`: "
        + ", ".join(f"{k} {_f(v)} ms" for k, v in imp["heaviest"])
    )
    mem = results["memory"]
    lines += [
        "",
        f"### Peak memory (tracemalloc; text x64 = {mem['big_text_chars']:,} chars, "
        f"largest page = {mem['big_page_chars']:,} chars)",
        "",
        "| function | input | Python peak MB (tracemalloc) | RSS growth MB (fresh process) |",
        "|---|---|---:|---:|",
    ]
    lines += [
        f"| {r['label']} | {r['input']} | {_f(r['peak_mb'], 2)} | {_f(r['rss_mb'], 1)} |"
        for r in mem["rows"]
    ]
    if mem["max_rss_mb"] is not None:
        lines.append(f"\nPeak RSS of the benchmark process: {mem['max_rss_mb']:.0f} MB")
    lines += ["", "### Targets (ratios from this run)", "", "| target | measured | bound | met |"]
    lines.append("|---|---:|---:|---|")
    for t in results["targets"]:
        met = {True: "yes", False: "NO", None: "not measured"}[t["met"]]
        if t.get("cost"):
            met += f" — {t['cost']}"
        lines.append(f"| {t['what']} | {_f(t['value'], 2)} | {t['op']} {t['bound']:g} | {met} |")
    return "\n".join(lines)


# --- regression guard ------------------------------------------------------------------------


def compare(old: Figures, new: Figures, threshold: float) -> tuple[list[str], list[str]]:
    """Guarded figures slower than ``old`` by more than ``threshold``, and the full table.

    Slowdown is measured in time: for a throughput, ``old / new - 1``; for a time, memory or
    ratio to the floor, ``new / old - 1``. Only figures both runs guard are compared.
    """
    flagged: list[str] = []
    table: list[str] = []
    for name in sorted(new):
        a, b = old.get(name), new[name]
        if a is None or not (a.get("guard") and b.get("guard")):
            continue
        if a["value"] <= 0 or b["value"] <= 0:
            continue
        slow = (
            a["value"] / b["value"] - 1 if b["better"] == "higher" else b["value"] / a["value"] - 1
        )
        mark = "SLOWER" if slow > threshold else ""
        line = (
            f"{name:48} {a['value']:12.4g} → {b['value']:12.4g} {b['unit']:12} {slow:+7.1%} {mark}"
        )
        table.append(line)
        if mark:
            flagged.append(line)
    return flagged, table


# --- command line ----------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=inputs.default_shared(), help="../shared")
    ap.add_argument("--no-shared", action="store_true", help="use seeds/ and generated inputs")
    ap.add_argument("--no-peers", action="store_true", help="arnews and the floors only")
    ap.add_argument("--pages", type=int, default=60, help="pages to build (default 60)")
    ap.add_argument("--limit", type=int, default=None, help="at most N articles / real pages")
    ap.add_argument("--batch", type=int, default=1000, help="batch size (full run: 10000)")
    ap.add_argument("--repeats", type=int, default=5, help="passes per contender (max)")
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per contender (soft)")
    ap.add_argument("--min-time", type=float, default=0.2, help="seconds per scaling sample")
    ap.add_argument("--import-runs", type=int, default=3, help="fresh interpreters per import")
    ap.add_argument("--quick", action="store_true", help="tiny run to check the scripts work")
    ap.add_argument("--out", type=Path, help="save the results as JSON")
    ap.add_argument("--compare", type=Path, help="a saved run to compare against")
    ap.add_argument("--load", type=Path, help="compare this saved run instead of running")
    ap.add_argument("--threshold", type=float, default=0.2, help="slowdown that fails (0.2=20%%)")
    args = ap.parse_args(argv)
    if args.quick:
        args.limit = min(args.limit or 12, 12)
        args.pages = min(args.pages, 3)
        args.batch = min(args.batch, 16)
        args.repeats, args.budget, args.min_time, args.import_runs = 1, 0.0, 0.001, 1
    return args


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Measure everything; the results dict that ``--out`` saves."""
    shared = None if args.no_shared else args.shared
    corpora = inputs.load(shared, pages=args.pages, limit=args.limit)
    figs: Figures = {}
    results: dict[str, Any] = {
        "schema": SCHEMA,
        "argv": sys.argv[1:],
        "machine": machine(),
        "corpora": {
            "origin": corpora.origin,
            "shared": str(shared) if corpora.origin == "shared" else None,
            "texts": len(corpora.texts),
            "text_mb": sum(d.nbytes for d in corpora.texts) / 1e6,
            "pages": len(corpora.pages),
            "real_pages": corpora.real_pages,
            "page_mb": sum(d.nbytes for d in corpora.pages) / 1e6,
        },
        "stage_names": ["check", *(name for name, _ in STAGES)],
    }
    start = time.perf_counter()

    def say(what: str) -> None:
        print(f"... {time.perf_counter() - start:6.1f} s  {what}", file=sys.stderr, flush=True)

    say(f"inputs: {corpora.origin}")
    for step in ("text", "html"):
        say(f"{step}: contenders")
        docs = corpora.texts if step == "text" else corpora.pages
        results[step] = measure_group(step, docs, args, figs)
    say("stages")
    results["stages"] = {
        "text": measure_stages("text", corpora.texts, args, figs),
        "html": measure_stages("html", corpora.pages, args, figs),
    }
    say("scaling")
    results["scaling"] = measure_scaling(corpora.texts, args, figs)
    say("batch")
    results["batch"] = measure_batch(corpora.texts, args, figs)
    say("imports")
    results["imports"] = measure_imports(args, figs)
    say("memory")
    results["memory"] = measure_memory(corpora, args, figs)
    say("done")
    results["targets"] = targets(results)
    for t in results["targets"]:
        if t["value"] is not None:
            _fig(
                figs,
                f"target.{t['key']}",
                t["value"],
                "ratio",
                "lower" if t["op"] == "<=" else "higher",
                False,
            )
    results["figures"] = figs
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Run (or ``--load``), print the report, save (``--out``), compare (``--compare``).

    Returns:
        0, or 1 when ``--compare`` finds a guarded figure slower than ``--threshold``.
    """
    args = parse_args(argv)
    if args.load:
        results = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        # the peers log and warn about the pages they read; the report is what counts here
        logging.disable(logging.WARNING)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                results = run(args)
        finally:
            logging.disable(logging.NOTSET)
        print(report(results))
    if args.out:
        args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"\nsaved {args.out}")
    if args.compare:
        old = json.loads(args.compare.read_text(encoding="utf-8"))
        if old.get("machine", {}).get("cpu") != results["machine"]["cpu"]:
            print("\nwarning: the saved run is from another CPU; absolute figures differ")
        flagged, table = compare(old["figures"], results["figures"], args.threshold)
        print(f"\n### Compared with {args.compare} (threshold {args.threshold:.0%})\n")
        print("\n".join(table))
        if flagged:
            print(f"\n{len(flagged)} figure(s) slower by more than {args.threshold:.0%}:")
            print("\n".join(flagged))
            return 1
        print("\nno figure slower than the threshold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
