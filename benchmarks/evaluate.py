"""Score arnews against the hand-made gold of ``../shared/corpus`` (rules: ``corpus/GOLD.md``).

Every article of ``corpus/articles`` that has a ``corpus/gold/<id>.json`` is parsed with
``arnews.parse(path.read_bytes())`` and compared field by field with its gold:

- headline: accuracy, exact after folding (a ``null`` gold headline is matched by ``None``);
- dateline: place (containment either way) and agency (exact) accuracy, over the articles
  whose gold dateline names a place or an agency;
- byline, section headings: precision/recall/F1 over the lists, exact after folding;
- quotes: detection P/R/F1 (``content_start`` rule), kind accuracy and speaker accuracy;
- attributions: P/R/F1 (source containment or a shared word other than a title);
- dates: detection P/R/F1 (overlap), value accuracy where the gold value is not null.

The scorer is deliberately independent of the code it scores: it folds strings by the
GOLD.md rules itself and never imports ``arnews.text``.

Usage::

    python benchmarks/evaluate.py                     # table
    python benchmarks/evaluate.py --json              # machine-readable
    python benchmarks/evaluate.py --per-article       # gold vs predicted, per article
    python benchmarks/evaluate.py --floors benchmarks/floors.json   # exit 1 below a floor
"""

from __future__ import annotations

import argparse
import functools
import html
import json
import math
import os
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, TypeVar

import regex

ROOT: Final = Path(__file__).resolve().parent.parent
DEFAULT_FLOORS: Final = ROOT / "benchmarks" / "floors.json"


def default_shared() -> Path:
    """``$ARNEWS_SHARED`` when set, else the ``shared`` folder beside the repository root.

    A git worktree nested one level deeper (``work/wt/<name>``) finds the ``shared`` folder
    beside its parents too.
    """
    env = os.environ.get("ARNEWS_SHARED")
    if env:
        return Path(env)
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus").is_dir():
            return parent / "shared"
    return ROOT.parent / "shared"


__all__ = [
    "Report",
    "Tally",
    "check_floors",
    "date_overlaps",
    "date_value_right",
    "evaluate",
    "fold",
    "main",
    "match_one_to_one",
    "quote_found",
    "score_article",
    "source_matches",
    "speaker_matches",
]

# --- Folding (GOLD.md, "How a prediction is scored") ----------------------------------------

# Deleted outright: combining marks (Arabic diacritics: أكَّد → اكد, superscript alef, hamza
# marks), format characters (bidi controls U+200E/U+200F/U+202A-U+202E/U+2066-U+2069/U+061C,
# zero-width U+200B-U+200D, U+2060, BOM, soft hyphen) and tatweel (مـساء → مساء).
_DELETED: Final = regex.compile(r"[\p{Mn}\p{Cf}\u0640]+")
# Replaced by a space: punctuation, which includes every quote mark « » “ ” „ ‘ ’ " ' ‹ ›
# and the Arabic comma, semicolon and question mark (، ؛ ؟); «العربية.نت» → «العربيه نت».
_PUNCTUATION: Final = regex.compile(r"[\p{P}`´]+")


def _letter_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for alef in "أإآٱ":  # أعلن / اعلن
        table[ord(alef)] = "ا"
    table[ord("ى")] = "ي"  # فى / في
    table[ord("ة")] = "ه"  # الجمعة / الجمعه
    for value in range(10):
        table[0x0660 + value] = str(value)  # Arabic-Indic ١٥ → 15
        table[0x06F0 + value] = str(value)  # Persian ۱۵ → 15
    return table


_LETTERS: Final = _letter_table()


@functools.lru_cache(maxsize=1 << 16)  # pairs are compared many times over; fold is pure
def fold(text: str | None) -> str:
    """The folded form every comparison is made on (GOLD.md).

    HTML entities are unescaped first («&quot;» is a quote mark); then tatweel, diacritics,
    bidi and zero-width marks are removed; أ إ آ ٱ → ا, ى → ي, ة → ه; Arabic-Indic and
    Persian digits → ASCII; quote marks and punctuation become spaces; whitespace is collapsed.

    Args:
        text: any string; ``None`` folds to ``""``.

    Returns:
        The folded string.

    >>> fold("«قالَ» الوزيـر: إنّ ١٥ &quot;ألفاً&quot; فى المدينة")
    'قال الوزير ان 15 الفا في المدينه'
    """
    if not text:
        return ""
    text = unicodedata.normalize("NFC", html.unescape(text))
    text = _DELETED.sub("", text).translate(_LETTERS)
    return " ".join(_PUNCTUATION.sub(" ", text).split())


# Honorifics and titles that do not count as "a word in common" between two names
# (GOLD.md: "at least one whole word in common, not counting titles"). Only title words:
# «الرئيس ترامب» and «الرئيس ماكرون» share no name.
_TITLE_WORDS: Final = """
السيد السيدة الدكتور الدكتورة د دكتور الأستاذ الأستاذة أ المهندس المهندسة
الأمير الأميرة الشيخ الشيخة الملك الملكة العاهل السلطان معالي سمو سموه صاحب السمو الملكي
فخامة سعادة سماحة دولة الرئيس الوزير النائب المستشار القاضي المحامي الحاج الإمام
اللواء العميد العقيد المقدم الرائد النقيب الفريق المشير الجنرال
"""
TITLES: Final = frozenset(fold(word) for word in _TITLE_WORDS.split())


def _words(folded: str) -> set[str]:
    return set(folded.split())


def _contains_either_way(a: str, b: str) -> bool:
    return bool(a) and bool(b) and (a in b or b in a)


# --- Matching rules ---------------------------------------------------------------------------

G = TypeVar("G")
P = TypeVar("P")


def match_one_to_one(
    gold: Sequence[G], predicted: Sequence[P], matches: Callable[[G, P], bool]
) -> list[int | None]:
    """Pair gold items with predictions (GOLD.md: "Matching is one-to-one").

    Gold items are taken in order, each against the first prediction not yet used that
    matches it.

    Args:
        gold: the gold items, in order.
        predicted: the predicted items, in order.
        matches: whether a gold item and a prediction match.

    Returns:
        For each gold item, the index of its prediction, or ``None`` when it is missed.

    >>> match_one_to_one(["a", "b", "a"], ["a", "c"], lambda g, p: g == p)
    [0, None, None]
    """
    used = [False] * len(predicted)
    pairs: list[int | None] = []
    for item in gold:
        found: int | None = None
        for j, candidate in enumerate(predicted):
            if not used[j] and matches(item, candidate):
                used[j] = True
                found = j
                break
        pairs.append(found)
    return pairs


def quote_found(content_start: str, predicted_text: str) -> bool:
    """Whether a predicted quote's text finds a gold quote's ``content_start``.

    Found when the folded predicted text contains the folded ``content_start``, or when it
    starts at most two words after ``content_start`` begins (its first word is word 0, 1 or
    2 of ``content_start``) and shares at least two words with ``content_start`` from there.

    Args:
        content_start: the gold ``content_start``.
        predicted_text: the predicted :attr:`Quote.text`.

    Returns:
        Whether the gold quote is found.

    >>> quote_found("إن الحكومة ستعمل على", "الحكومة «ستعمل على» تحسين الوضع")
    True
    >>> quote_found("الحكومة ستعمل على تحسين", "على تحسين الوضع")
    True
    >>> quote_found("الحكومة ستعمل على تحسين", "تحسين الوضع")
    False
    """
    gold, pred = fold(content_start), fold(predicted_text)
    if not gold or not pred:
        return False
    if gold in pred:
        return True
    gold_words, pred_words = gold.split(), pred.split()
    pred_set = set(pred_words)
    for k in range(min(3, len(gold_words))):
        if pred_words[0] == gold_words[k] and len(set(gold_words[k:]) & pred_set) >= 2:
            return True
    return False


def speaker_matches(gold: str, predicted: str) -> bool:
    """Whether a predicted speaker name is right for a gold speaker.

    Right when the two folded names are equal, or when one contains the other and they have
    at least one whole word in common that is not a title (:data:`TITLES`).

    Args:
        gold: the gold ``speaker``.
        predicted: a predicted name (a source's name or alias, or the text at the quote's
            ``speaker_span``).

    Returns:
        Whether the speaker is right.

    >>> speaker_matches("وزير الدفاع الإسرائيلي", "وزير الدفاع الإسرائيلي افيغدور ليبرمان")
    True
    >>> speaker_matches("الرئيس ترامب", "الرئيس")
    False
    """
    g, p = fold(gold), fold(predicted)
    if not g or not p:
        return False
    if g == p:
        return True
    return _contains_either_way(g, p) and bool((_words(g) & _words(p)) - TITLES)


def source_matches(gold: str, predicted: str) -> bool:
    """Whether a predicted attribution source matches a gold ``source``.

    Matches when one folded name contains the other, or they share a word other than a title.

    Args:
        gold: the gold ``source``.
        predicted: a predicted source name.

    Returns:
        Whether they match.

    >>> source_matches("وكالة الأنباء الأردنية \\"بترا\\"", "بترا")
    True
    >>> source_matches("مصادر محلية", "الشيخ خالد")
    False
    """
    g, p = fold(gold), fold(predicted)
    if not g or not p:
        return False
    return _contains_either_way(g, p) or bool((_words(g) & _words(p)) - TITLES)


def date_overlaps(gold: str, predicted: str) -> bool:
    """Whether a predicted date mention's text overlaps a gold date's text.

    Overlap is containment either way, or a shared word (after folding).

    Args:
        gold: the gold ``text``.
        predicted: the predicted :attr:`DateMention.text`.

    Returns:
        Whether the gold date is found.

    >>> date_overlaps("11 اغسطس 2015 م", "11 أغسطس")
    True
    >>> date_overlaps("غداً", "اليوم")
    False
    """
    g, p = fold(gold), fold(predicted)
    if not g or not p:
        return False
    return _contains_either_way(g, p) or bool(_words(g) & _words(p))


def date_value_right(gold: Mapping[str, Any], predicted: Any) -> bool:
    """Whether a found date's value is right (only asked where the gold ``value`` is not null).

    Right when the predicted ``value`` cut to the gold's length equals the gold ``value``,
    the calendars agree, and ``gregorian`` is equal where the gold gives it.

    Args:
        gold: the gold date (``value``, ``calendar``, optional ``gregorian``).
        predicted: a :class:`arnews.DateMention` (or anything with the same attributes).

    Returns:
        Whether the value is right.
    """
    want = gold.get("value")
    value = getattr(predicted, "value", None)
    if want is None or value is None:
        return False
    if str(value)[: len(want)] != want:
        return False
    if getattr(predicted, "calendar", "gregorian") != gold.get("calendar", "gregorian"):
        return False
    greg = gold.get("gregorian")
    if greg:
        got = getattr(predicted, "gregorian", None)
        return got is not None and got.isoformat()[: len(greg)] == greg
    return True


# --- Tallies ----------------------------------------------------------------------------------


@dataclass
class Tally:
    """Counts for one field: matched/gold/predicted for P/R/F1, or correct/total for accuracy."""

    matched: int = 0
    gold: int = 0
    predicted: int = 0
    correct: int = 0
    total: int = 0

    def count_matching(self, gold: int, predicted: int, pairs: Sequence[int | None]) -> None:
        """Count one article's one-to-one matching (``pairs``: gold index → prediction)."""
        self.gold += gold
        self.predicted += predicted
        self.matched += sum(j is not None for j in pairs)

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.matched += other.matched
        self.gold += other.gold
        self.predicted += other.predicted
        self.correct += other.correct
        self.total += other.total

    @property
    def precision(self) -> float:
        """Matched predictions over predictions (0.0 when nothing is predicted)."""
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Matched gold items over gold items (0.0 when the gold has none)."""
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        """Correct over total (0.0 when nothing is counted)."""
        return self.correct / self.total if self.total else 0.0


# Field name -> "prf" (precision/recall/F1) or "acc" (accuracy); the order of the table.
FIELDS: Final[dict[str, str]] = {
    "headline": "acc",
    "dateline.place": "acc",
    "dateline.agency": "acc",
    "byline": "prf",
    "sections": "prf",
    "quotes": "prf",
    "quotes.kind": "acc",
    "quotes.speaker": "acc",
    "attributions": "prf",
    "dates": "prf",
    "dates.value": "acc",
}


def metric_names() -> list[str]:
    """Every metric name reported (and floored), e.g. ``headline.accuracy``, ``quotes.f1``."""
    names: list[str] = []
    for name, kind in FIELDS.items():
        suffixes = ("precision", "recall", "f1") if kind == "prf" else ("accuracy",)
        names.extend(f"{name}.{suffix}" for suffix in suffixes)
    return names


@dataclass
class ArticleScore:
    """One article's tallies and the mismatches found (for ``--per-article``)."""

    id: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    mismatches: list[tuple[str, str]] = field(default_factory=list)
    """``(field, message)`` pairs, the field a name of :data:`FIELDS`."""
    error: str | None = None


def _q(text: str | None, limit: int = 90) -> str:
    if text is None:
        return "None"
    text = " ".join(text.split())
    return f"«{text[:limit]}…»" if len(text) > limit else f"«{text}»"


def _score_lists(
    tally: Tally,
    gold: Sequence[str],
    predicted: Sequence[str],
    label: str,
    mismatches: list[tuple[str, str]],
) -> None:
    """Exact-after-folding one-to-one matching of two string lists (byline, headings)."""
    gold_f = [fold(g) for g in gold]
    pred_f = [fold(p) for p in predicted]
    pairs = match_one_to_one(gold_f, pred_f, lambda g, p: g == p)
    used = {j for j in pairs if j is not None}
    tally.count_matching(len(gold), len(predicted), pairs)
    mismatches.extend(
        (label, f"missed: {_q(g)}") for g, j in zip(gold, pairs, strict=True) if j is None
    )
    mismatches.extend((label, f"extra: {_q(p)}") for j, p in enumerate(predicted) if j not in used)


def _speaker_candidates(article: Any, quote: Any) -> list[str]:
    names: list[str] = []
    source = quote.speaker
    if source is not None:
        names.append(source.name)
        names.extend(source.aliases)
    span = quote.speaker_span
    if span is not None:
        names.append(article.text[span.start : span.end])
    return names


def score_article(gold: Mapping[str, Any], article: Any) -> ArticleScore:
    """Score one parsed article against its gold annotation.

    Args:
        gold: the gold JSON object (GOLD.md format).
        article: the :class:`arnews.Article` predicted for it.

    Returns:
        The article's tallies per field (see :data:`FIELDS`) and its mismatches.
    """
    result = ArticleScore(id=str(gold.get("id", "?")))
    t, miss = result.tallies, result.mismatches

    # headline: exact after folding; null gold is matched by None.
    want, got = gold.get("headline"), article.headline
    right = (got is None) if want is None else (got is not None and fold(want) == fold(got))
    t["headline"].total += 1
    t["headline"].correct += right
    if not right:
        miss.append(("headline", f"gold {_q(want)} | predicted {_q(got)}"))

    # dateline: only articles whose gold dateline has a place or an agency count.
    gdl = gold.get("dateline") or {}
    if gdl.get("place") or gdl.get("agency"):
        pdl = article.dateline
        for part in ("place", "agency"):
            g = fold(gdl.get(part))
            p = fold(getattr(pdl, part, None) if pdl is not None else None)
            if not g:
                ok = not p
            elif part == "place":
                ok = _contains_either_way(g, p)
            else:
                ok = g == p
            tally = t[f"dateline.{part}"]
            tally.total += 1
            tally.correct += ok
            if not ok:
                predicted = getattr(pdl, part, None) if pdl is not None else None
                miss.append(
                    (f"dateline.{part}", f"gold {_q(gdl.get(part))} | predicted {_q(predicted)}")
                )

    _score_lists(t["byline"], gold.get("byline") or [], list(article.byline), "byline", miss)
    headings = [s.heading for s in article.sections if s.heading is not None]
    _score_lists(t["sections"], gold.get("section_headings") or [], headings, "sections", miss)

    _score_quotes(t, gold.get("quotes") or [], article, miss)
    _score_attributions(t["attributions"], gold.get("attributions") or [], article, miss)
    _score_dates(t, gold.get("dates") or [], article, miss)
    return result


def _score_quotes(
    t: dict[str, Tally],
    gold: Sequence[Mapping[str, Any]],
    article: Any,
    miss: list[tuple[str, str]],
) -> None:
    predicted = list(article.quotes)
    pairs = match_one_to_one(
        gold, predicted, lambda g, p: quote_found(g.get("content_start") or "", p.text)
    )
    t["quotes"].count_matching(len(gold), len(predicted), pairs)
    for g, j in zip(gold, pairs, strict=True):
        if j is None:
            miss.append(("quotes", f"missed ({g.get('kind')}): {_q(g.get('content_start'))}"))
            continue
        p = predicted[j]
        t["quotes.kind"].total += 1
        if p.kind == g.get("kind"):
            t["quotes.kind"].correct += 1
        else:
            miss.append(
                (
                    "quotes.kind",
                    f"{_q(g.get('content_start'))}: gold {g.get('kind')} | predicted {p.kind}",
                )
            )
        speaker = g.get("speaker")
        if speaker:
            names = _speaker_candidates(article, p)
            t["quotes.speaker"].total += 1
            if any(speaker_matches(speaker, name) for name in names):
                t["quotes.speaker"].correct += 1
            else:
                miss.append(
                    (
                        "quotes.speaker",
                        f"{_q(g.get('content_start'), 40)}: gold {_q(speaker)} | "
                        f"predicted {' / '.join(_q(n) for n in names) or 'None'}",
                    )
                )
    used = {j for j in pairs if j is not None}
    miss.extend(
        ("quotes", f"extra: {_q(p.text)}") for j, p in enumerate(predicted) if j not in used
    )


def _score_attributions(
    tally: Tally,
    gold: Sequence[Mapping[str, Any]],
    article: Any,
    miss: list[tuple[str, str]],
) -> None:
    predicted = list(article.attributions)

    def names(a: Any) -> list[str]:
        return [a.source.name, *a.source.aliases, a.text]

    pairs = match_one_to_one(
        gold,
        predicted,
        lambda g, p: any(source_matches(g.get("source") or "", n) for n in names(p)),
    )
    tally.count_matching(len(gold), len(predicted), pairs)
    miss.extend(
        ("attributions", f"missed: {_q(g.get('source'))} ({g.get('cue')})")
        for g, j in zip(gold, pairs, strict=True)
        if j is None
    )
    used = {j for j in pairs if j is not None}
    miss.extend(
        ("attributions", f"extra: {_q(p.source.name)} ({p.cue})")
        for j, p in enumerate(predicted)
        if j not in used
    )


def _score_dates(
    t: dict[str, Tally],
    gold: Sequence[Mapping[str, Any]],
    article: Any,
    miss: list[tuple[str, str]],
) -> None:
    predicted = list(article.dates)
    pairs = match_one_to_one(
        gold, predicted, lambda g, p: date_overlaps(g.get("text") or "", p.text)
    )
    t["dates"].count_matching(len(gold), len(predicted), pairs)
    for g, j in zip(gold, pairs, strict=True):
        if j is None:
            miss.append(("dates", f"missed: {_q(g.get('text'))}"))
            continue
        if g.get("value") is None:
            continue
        p = predicted[j]
        t["dates.value"].total += 1
        if date_value_right(g, p):
            t["dates.value"].correct += 1
        else:
            greg = g.get("gregorian")
            miss.append(
                (
                    "dates.value",
                    f"{_q(g.get('text'))}: gold {g.get('calendar')} {g.get('value')}"
                    + (f" (= {greg})" if greg else "")
                    + f" | predicted {p.calendar} {p.value}"
                    + (f" (= {p.gregorian})" if p.gregorian else ""),
                )
            )
    used = {j for j in pairs if j is not None}
    miss.extend(("dates", f"extra: {_q(p.text)}") for j, p in enumerate(predicted) if j not in used)


# --- The run ----------------------------------------------------------------------------------


@dataclass
class Report:
    """The result of one evaluation run."""

    corpus: str
    seconds: float
    totals: dict[str, Tally]
    articles: list[ArticleScore] = field(repr=False)
    system: str = "arnews"

    @property
    def scores(self) -> dict[str, float]:
        """Every metric of :func:`metric_names`, rounded to 4 decimals."""
        out: dict[str, float] = {}
        for name, kind in FIELDS.items():
            tally = self.totals[name]
            if kind == "prf":
                out[f"{name}.precision"] = round(tally.precision, 4)
                out[f"{name}.recall"] = round(tally.recall, 4)
                out[f"{name}.f1"] = round(tally.f1, 4)
            else:
                out[f"{name}.accuracy"] = round(tally.accuracy, 4)
        return out

    def to_dict(self, *, per_article: bool = False, fields: Sequence[str] = ()) -> dict[str, Any]:
        """A JSON-safe summary (with mismatches per article when asked, see :func:`selected`)."""
        data: dict[str, Any] = {
            "corpus": self.corpus,
            "articles": len(self.articles),
            "seconds": round(self.seconds, 3),
            "scores": self.scores,
            "counts": {
                name: (
                    {"matched": t.matched, "gold": t.gold, "predicted": t.predicted}
                    if FIELDS[name] == "prf"
                    else {"correct": t.correct, "total": t.total}
                )
                for name, t in self.totals.items()
            },
            "errors": {a.id: a.error for a in self.articles if a.error},
        }
        if per_article:
            data["mismatches"] = {
                a.id: [{"field": f, "message": m} for f, m in selected(a.mismatches, fields)]
                for a in self.articles
                if selected(a.mismatches, fields)
            }
        return data


def gold_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """``(gold JSON, article text)`` for every gold file of ``corpus`` whose article exists."""
    pairs = []
    for gold_path in sorted((corpus / "gold").glob("*.json")):
        article_path = corpus / "articles" / f"{gold_path.stem}.txt"
        if article_path.is_file():
            pairs.append((gold_path, article_path))
    return pairs


def dateparser_article(data: bytes) -> Any:
    """What ``dateparser.search.search_dates(languages=['ar'])`` finds in an article, as an
    ``arnews.Article`` holding only dates (for ``--system dateparser``): each match becomes a
    Gregorian ``DateMention`` with the day it returns (the scorer cuts values to the gold's
    precision), found at its first place in the text after the previous one.
    """
    import datetime as dt

    from dateparser.search import search_dates

    import arnews

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1256")
    settings = {"RELATIVE_BASE": dt.datetime(2000, 1, 1)}  # no wall clock: values of relative
    found = search_dates(text, languages=["ar"], settings=settings) or []  # dates are not scored
    mentions = []
    pos = 0
    for matched, when in found:
        at = text.find(matched, pos)
        if at < 0:
            continue
        pos = at + len(matched)
        mentions.append(
            arnews.DateMention(
                text=matched,
                span=arnews.Span(start=at, end=pos),
                value=when.date().isoformat(),
            )
        )
    return arnews.Article(text=text, dates=tuple(mentions))


def evaluate(corpus: Path, *, only: Iterable[str] = (), system: str = "arnews") -> Report:
    """Parse every gold article of ``corpus`` and score it.

    Args:
        corpus: the ``corpus`` directory (with ``articles/`` and ``gold/``).
        only: when given, score only the articles whose id contains one of these strings.
        system: ``"arnews"``, or ``"dateparser"`` to score ``search_dates`` on the dates
            (:func:`dateparser_article`; every other field is empty).

    Returns:
        The :class:`Report`. An article whose parsing raises is scored as an empty
        prediction and its error is kept in :attr:`ArticleScore.error`.
    """
    import arnews  # imported here so that the scoring rules load (and test) without it

    wanted = tuple(only)
    totals = {name: Tally() for name in FIELDS}
    articles: list[ArticleScore] = []
    seconds = 0.0
    for gold_path, article_path in gold_pairs(corpus):
        if wanted and not any(w in gold_path.stem for w in wanted):
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        data = article_path.read_bytes()
        error: str | None = None
        started = time.perf_counter()
        try:
            article: Any = (
                dateparser_article(data) if system == "dateparser" else arnews.parse(data)
            )
        except Exception as exc:  # an exception is a result to report, not a crash
            article = arnews.Article(text="")
            error = f"{type(exc).__name__}: {exc}"
        seconds += time.perf_counter() - started
        score = score_article(gold, article)
        score.id = gold_path.stem
        score.error = error
        articles.append(score)
        for name, tally in score.tallies.items():
            totals[name].add(tally)
    return Report(
        corpus=str(corpus), seconds=seconds, totals=totals, articles=articles, system=system
    )


def load_floors(path: Path) -> dict[str, float]:
    """The floors of a floors file (keys starting with ``_`` are comments)."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {k: float(v) for k, v in raw.items() if not k.startswith("_")}


def check_floors(scores: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """The metrics that fall below their floor (or have no score), as messages.

    >>> check_floors({"headline.accuracy": 0.9}, {"headline.accuracy": 0.95})
    ['headline.accuracy: 0.9000 < floor 0.95']
    """
    problems = []
    for name, floor in floors.items():
        if name not in scores:
            problems.append(f"{name}: no such metric")
        elif scores[name] + 1e-9 < floor:
            problems.append(f"{name}: {scores[name]:.4f} < floor {floor}")
    return problems


def format_table(report: Report) -> str:
    """The readable table of a report."""
    lines = [
        f"{report.system} on {len(report.articles)} gold articles of {report.corpus}"
        f" (parsing {report.seconds:.2f} s)",
        "",
        f"{'field':<17}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}   counts",
        "-" * 62,
    ]
    for name, kind in FIELDS.items():
        t = report.totals[name]
        if kind == "prf":
            counts = f"{t.matched} matched / {t.gold} gold / {t.predicted} predicted"
            row = f"{t.precision:7.3f}{t.recall:7.3f}{t.f1:7.3f}{'':>7}"
        else:
            counts = f"{t.correct}/{t.total}"
            row = f"{'':>21}{t.accuracy:7.3f}"
        lines.append(f"{name:<17}{row}   {counts}")
    errors = [a for a in report.articles if a.error]
    if errors:
        lines.append("")
        lines.extend(f"parse error in {a.id}: {a.error}" for a in errors)
    return "\n".join(lines)


def selected(mismatches: Sequence[tuple[str, str]], fields: Sequence[str]) -> list[tuple[str, str]]:
    """The mismatches of the given fields (a field also selects its sub-fields); all if none.

    >>> selected([("quotes", "a"), ("quotes.kind", "b"), ("dates", "c")], ["quotes"])
    [('quotes', 'a'), ('quotes.kind', 'b')]
    """
    if not fields:
        return list(mismatches)
    return [(f, m) for f, m in mismatches if any(f == w or f.startswith(w + ".") for w in fields)]


def format_mismatches(report: Report, fields: Sequence[str] = ()) -> str:
    """Gold vs predicted, per article, for every mismatch (of ``fields``, when given)."""
    lines: list[str] = []
    for score in report.articles:
        chosen = selected(score.mismatches, fields)
        if chosen:
            lines.append(f"== {score.id}")
            lines.extend(f"   {f}: {m}" for f, m in chosen)
    return "\n".join(lines)


def suggest_floors(scores: Mapping[str, float]) -> dict[str, float]:
    """Each score rounded down to 2 decimals: the floors to pin once a score has risen.

    >>> suggest_floors({"sections.recall": 0.5833, "byline.recall": 0.9})
    {'sections.recall': 0.58, 'byline.recall': 0.9}
    """
    return {name: math.floor(value * 100 + 1e-6) / 100 for name, value in scores.items()}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the evaluation from the command line.

    Args:
        argv: the arguments (``sys.argv[1:]`` when ``None``).

    Returns:
        The exit status: 0, or 1 when ``--floors`` is given and a metric is below its floor,
        or 2 when the corpus is missing.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=None,
        help="the shared folder holding corpus/ (default: $ARNEWS_SHARED, else <repo>/../shared)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--per-article", action="store_true", help="list mismatches per article (gold vs predicted)"
    )
    parser.add_argument(
        "--floors",
        type=Path,
        nargs="?",
        const=DEFAULT_FLOORS,
        help="exit 1 if a metric is below its floor in FILE (default: benchmarks/floors.json)",
    )
    parser.add_argument(
        "--fields",
        default="",
        metavar="F,F",
        help="with --per-article: only these fields' mismatches (e.g. headline,sections)",
    )
    parser.add_argument(
        "--only", action="append", default=[], metavar="TEXT", help="only ids containing TEXT"
    )
    parser.add_argument(
        "--suggest-floors",
        action="store_true",
        help="print the current scores rounded down to 2 decimals, as floors.json entries",
    )
    parser.add_argument(
        "--system",
        choices=("arnews", "dateparser"),
        default="arnews",
        help="what to score: arnews, or dateparser's search_dates(languages=['ar']) on the dates",
    )
    args = parser.parse_args(argv)

    corpus = (args.shared or default_shared()) / "corpus"
    if not (corpus / "gold").is_dir() or not (corpus / "articles").is_dir():
        print(f"no corpus at {corpus}", file=sys.stderr)
        return 2
    report = evaluate(corpus, only=args.only, system=args.system)
    fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    if args.suggest_floors:
        print(json.dumps(suggest_floors(report.scores), indent=1))
        return 0

    problems = check_floors(report.scores, load_floors(args.floors)) if args.floors else []
    if args.json:
        data = report.to_dict(per_article=args.per_article, fields=fields)
        if args.floors:
            data["below_floor"] = problems
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        if args.per_article:
            print(format_mismatches(report, fields))
            print()
        print(format_table(report))
        if args.floors:
            print()
            print("\n".join(f"BELOW FLOOR {p}" for p in problems) or "all floors met")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
