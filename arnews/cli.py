"""The ``arnews`` command line.

    arnews parse FILE... [--json | --jsonl] [--reference-date YYYY-MM-DD]

``FILE`` may be ``-`` for standard input, a folder (every ``.txt``/``.html``/``.htm`` file in
it, recursively), or a ``.jsonl`` file of records with a ``text`` or ``html`` field (and
optionally ``url``). By default a readable summary is printed; ``--json`` prints one JSON
document per article (a list when there are several), ``--jsonl`` one line per article.
Progress goes to standard error when there are many inputs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from arnews._version import __version__
from arnews.api import parse, parse_html, parse_text
from arnews.errors import ArnewsError, InputTooLargeError
from arnews.model import Article, Source
from arnews.options import ParseOptions

__all__ = ["main"]

_SUFFIXES = (".txt", ".html", ".htm")


class _InputError(Exception):
    """An input the command line could not read (reported, then the next one is tried)."""


def _read(path: Path, limit: int) -> bytes:
    """A file's bytes; its size is checked against ``limit`` before anything is read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputTooLargeError(size, limit)
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # a file that grew since stat() is still bounded
    except OSError as exc:
        raise _InputError(f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise InputTooLargeError(len(data), limit)
    return data


Input = tuple[str, "bytes | str | Exception", str | None, str | None]


def _records(path: Path, limit: int) -> Iterator[Input]:
    """The records of a ``.jsonl`` file; a bad line is an error for that line only."""
    try:
        fh = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        yield str(path), _InputError(f"cannot read: {exc.strerror or exc}"), None, None
        return
    with fh:
        for number, line in enumerate(fh, 1):
            label = f"{path}:{number}"
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError as exc:
                yield label, _InputError(f"not a JSON record: {exc}"), None, None
                continue
            kind = "html" if isinstance(record, dict) and "html" in record else "text"
            content = record.get(kind) if isinstance(record, dict) else None
            url = record.get("url") if isinstance(record, dict) else None
            if not isinstance(content, str) or not (url is None or isinstance(url, str)):
                yield label, _InputError("a record needs a string `text` or `html`"), None, None
                continue
            yield label, content, url, kind


def _inputs(names: Sequence[str], limit: int) -> Iterator[Input]:
    """(label, content or the error reading it, url, kind) for every article named."""
    for name in names:
        if name == "-":
            data = sys.stdin.buffer.read(limit + 1)
            if len(data) > limit:
                yield "<stdin>", InputTooLargeError(len(data), limit), None, None
            else:
                yield "<stdin>", data, None, None
            continue
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.suffix.lower() in _SUFFIXES and child.is_file():
                    yield from _file(child, limit)
        elif path.suffix.lower() == ".jsonl":
            yield from _records(path, limit)
        else:
            yield from _file(path, limit)


def _file(path: Path, limit: int) -> Iterator[Input]:
    try:
        yield str(path), _read(path, limit), None, None
    except (_InputError, InputTooLargeError) as exc:
        yield str(path), exc, None, None


def _summary(label: str, art: Article, out: TextIO) -> None:
    write = out.write
    write(f"== {label}\n")
    write(f"headline:  {art.headline or '—'}\n")
    if art.dateline is not None:
        d = art.dateline
        write(f"dateline:  {d.text}  (place: {d.place or '—'}, agency: {d.agency or '—'})\n")
    if art.byline:
        write(f"byline:    {'، '.join(art.byline)}\n")
    if art.published is not None:
        write(f"published: {art.published.isoformat()}\n")
    write(f"sections:  {len(art.sections)}, paragraphs: {len(art.paragraphs)}\n")
    for section in art.sections:
        write(f"  ## {section.heading or '(no heading)'}  [{len(section.paragraphs)} ¶]\n")
    if art.quotes or art.attributions:
        # who said what, grouped by source (sources in order of first appearance)
        write(f"quotes:    {len(art.quotes)}, attributions: {len(art.attributions)}\n")
        groups: dict[int, list[str]] = {}
        order: list[Source | None] = []
        for q in art.quotes:
            key = id(q.speaker)
            if key not in groups:
                groups[key] = []
                order.append(q.speaker)
            text = q.text if len(q.text) <= 80 else q.text[:79] + "…"
            mark = " (pronoun)" if q.pronoun else ""
            groups[key].append(f"[{q.kind}] {q.cue or '—'}{mark}: {text}")
        for a in art.attributions:
            key = id(a.source)
            if key not in groups:
                groups[key] = []
                order.append(a.source)
            groups[key].append(f"[attribution] {a.cue}")
        for source in order:
            if source is None:
                write("  * (no speaker)\n")
            else:
                write(f"  * {source.name} ({source.kind})\n")
            for line in groups[id(source)]:
                write(f"      - {line}\n")
    if art.dates:
        write(f"dates:     {len(art.dates)}\n")
        for m in art.dates:
            write(f"  - {m.text} → {m.value or m.resolved or '—'} ({m.calendar})\n")
    if art.boilerplate:
        write(f"boilerplate removed: {len(art.boilerplate)} line(s)\n")
    for n in art.notices:
        write(f"notice:    {n.code}: {n.message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="arnews", description=__doc__.split("\n\n")[0])
    parser.add_argument("--version", action="version", version=f"arnews {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("parse", help="parse articles (text or HTML)")
    p.add_argument("files", nargs="+", metavar="FILE", help="files, folders, .jsonl, or -")
    fmt = p.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON output")
    fmt.add_argument("--jsonl", action="store_true", help="one JSON line per article")
    p.add_argument("--text", action="store_true", help="read every input as plain text")
    p.add_argument("--html", action="store_true", help="read every input as HTML")
    p.add_argument(
        "--reference-date",
        type=dt.date.fromisoformat,
        help="resolve relative dates («أمس») against this day (YYYY-MM-DD)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (1 when an input failed)."""
    args = _parser().parse_args(argv)
    options = ParseOptions(reference_time=args.reference_date)
    out = sys.stdout
    status = 0
    collected: list[dict[str, Any]] = []
    inputs = list(_inputs(args.files, options.max_input_size))
    for number, (label, content, url, kind) in enumerate(inputs, 1):
        if len(inputs) > 20 and number % 100 == 0:
            print(f"arnews: {number}/{len(inputs)}", file=sys.stderr)
        if isinstance(content, Exception):
            print(f"arnews: {label}: {content}", file=sys.stderr)
            status = 1
            continue
        try:
            if args.text or kind == "text":
                art = parse_text(content, options=options)
            elif args.html or kind == "html":
                art = parse_html(content, url=url, options=options)
            else:
                art = parse(content, url=url, options=options)
        except ArnewsError as exc:
            print(f"arnews: {label}: {exc}", file=sys.stderr)
            status = 1
            continue
        if args.jsonl:
            out.write(json.dumps({"input": label, **art.to_dict()}, ensure_ascii=False) + "\n")
        elif args.json:
            collected.append({"input": label, **art.to_dict()})
        else:
            _summary(label, art, out)
    if args.json:
        doc: object = collected[0] if len(collected) == 1 else collected
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return status


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
