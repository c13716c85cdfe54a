"""The contenders: arnews, the peers a user would reach for instead, and the floors.

Each contender is a function of one decoded ``str`` input. A peer that is not installed (or
fails to set up) is returned as unavailable with the reason, and the report says so; the
optional extra ``bench`` installs them all: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable
from dataclasses import dataclass

Fn = Callable[[str], object]


@dataclass(frozen=True)
class Contender:
    """A function timed over the same inputs as arnews."""

    key: str
    label: str
    kind: str
    """``"arnews"``, ``"peer"`` or ``"floor"``."""
    fn: Fn | None
    skipped: str = ""
    """Why ``fn`` is ``None``: the peer is not installed or failed on a probe input."""


def _arnews_text() -> Fn:
    import arnews

    return arnews.parse_text


def _arnews_html() -> Fn:
    import arnews

    return arnews.parse_html


def _split() -> Fn:
    return str.split


def _lxml_floor() -> Fn:
    import lxml.html

    def parse(html: str) -> str:
        return "".join(lxml.html.fromstring(html).itertext())

    return parse


def _search_dates() -> Fn:
    from dateparser.search import search_dates

    def run(text: str) -> object:
        return search_dates(text, languages=["ar"])

    return run


def _trafilatura(meta: bool) -> Callable[[], Fn]:
    def setup() -> Fn:
        import trafilatura

        def run(html: str) -> object:
            return trafilatura.extract(html, with_metadata=meta)

        return run

    return setup


def _newspaper() -> Fn:
    import newspaper

    def run(html: str) -> object:
        art = newspaper.Article("https://news.example/a", language="ar", fetch_images=False)
        art.download(input_html=html)
        art.parse()
        return art.text

    return run


def _goose() -> Fn:
    from goose3 import Goose

    goose = Goose()

    def run(html: str) -> object:
        return goose.extract(raw_html=html).cleaned_text

    return run


def _readability() -> Fn:
    from readability import Document

    def run(html: str) -> object:
        return Document(html).summary()

    return run


def _htmldate() -> Fn:
    from htmldate import find_date

    def run(html: str) -> object:
        return find_date(html)

    return run


# (key, label, kind, module that must import, setup)
_TEXT: tuple[tuple[str, str, str, str, Callable[[], Fn]], ...] = (
    ("arnews", "arnews.parse_text", "arnews", "arnews", _arnews_text),
    (
        "search_dates",
        "dateparser search_dates(ar)",
        "peer",
        "dateparser",
        _search_dates,
    ),
    ("split", "str.split (floor)", "floor", "builtins", _split),
)
_HTML: tuple[tuple[str, str, str, str, Callable[[], Fn]], ...] = (
    ("arnews", "arnews.parse_html", "arnews", "arnews", _arnews_html),
    ("trafilatura", "trafilatura.extract", "peer", "trafilatura", _trafilatura(False)),
    (
        "trafilatura_meta",
        "trafilatura.extract(with_metadata)",
        "peer",
        "trafilatura",
        _trafilatura(True),
    ),
    ("newspaper4k", "newspaper4k (ar)", "peer", "newspaper", _newspaper),
    ("goose3", "goose3", "peer", "goose3", _goose),
    ("readability", "readability-lxml", "peer", "readability", _readability),
    ("htmldate", "htmldate.find_date", "peer", "htmldate", _htmldate),
    ("lxml", "lxml fromstring+itertext (floor)", "floor", "lxml.html", _lxml_floor),
    ("split", "str.split (floor)", "floor", "builtins", _split),
)


def contenders(
    group: str, probe: str, *, peers: bool = True, only: str | None = None
) -> list[Contender]:
    """The contenders of ``group`` (``"text"`` or ``"html"``), each tried once on ``probe``.

    Args:
        group: which inputs they take.
        probe: one input; a peer that raises on it is skipped with the error as the reason.
        peers: ``False`` keeps arnews and the floors only.
        only: set up just the contender with this key.

    Returns:
        The contenders in report order, unavailable ones with ``fn=None`` and a reason.
    """
    table = _TEXT if group == "text" else _HTML
    out: list[Contender] = []
    for key, label, kind, module, setup in table:
        if only is not None and key != only:
            continue
        if kind == "peer" and not peers:
            out.append(Contender(key, label, kind, None, "peers not requested (--no-peers)"))
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                importlib.import_module(module)
                fn = setup()
                fn(probe)
        except ImportError as exc:
            out.append(Contender(key, label, kind, None, f"not installed ({exc})"))
            continue
        except Exception as exc:  # a peer's failure is reported, never fatal
            out.append(Contender(key, label, kind, None, f"failed: {type(exc).__name__}: {exc}"))
            continue
        out.append(Contender(key, label, kind, fn))
    return out


IMPORTS: tuple[tuple[str, str], ...] = (
    ("arnews", "import arnews"),
    ("arnews+html", "import arnews, arnews.read.html"),
    ("trafilatura", "import trafilatura"),
    ("newspaper4k", "import newspaper"),
    ("goose3", "import goose3"),
    ("readability", "import readability"),
    ("htmldate", "import htmldate"),
    ("dateparser", "import dateparser.search"),
    ("lxml", "import lxml.html"),
)
"""Cold imports to time, as ``(key, statement)``."""
