"""atheris harness for longer fuzzing runs (not in CI).

    pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_parse.py -max_total_time=3600 -rss_limit_mb=2048 [CORPUS_DIR]

Each input's first byte picks the entry point and the form (str or bytes); the rest is the
article. Anything other than an Article or a documented ArnewsError is a crash: atheris stops
and writes the input to ``crash-*``. Turn it into a named test in
tests/unit/test_regressions.py. Seed the corpus with real articles for better coverage, e.g.
``cp ../shared/corpus/articles/*.txt seeds/``.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    import arnews
    from arnews.model import Article

ENTRIES = (arnews.parse, arnews.parse_text, arnews.parse_html)


def check(art: Article) -> None:
    """Every span slices to its item's text."""
    for p in art.paragraphs:
        assert art.text[p.span.start : p.span.end] == p.text
    for q in art.quotes:
        assert art.text[q.span.start : q.span.end] == q.text
    for d in art.dates:
        assert art.text[d.span.start : d.span.end] == d.text
    for a in art.attributions:
        assert art.text[a.span.start : a.span.end] == a.text


def test_one_input(data: bytes) -> None:
    if not data:
        return
    entry = ENTRIES[data[0] % 3]
    body = data[1:]
    source: str | bytes = body
    if data[0] & 4:
        source = atheris.FuzzedDataProvider(body).ConsumeUnicodeNoSurrogates(len(body))
    try:
        art = entry(source)
    except arnews.ArnewsError:
        return
    check(art)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
