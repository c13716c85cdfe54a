"""Page metadata: what only a page knows, read from its markup (part of the HTML reader).

Sources, strongest first: JSON-LD (``NewsArticle``, ``Article`` ..., also inside ``@graph``),
OpenGraph and ``article:*`` properties, ``itemprop``, ``<meta name=...>`` (``pubdate``,
``date``, ``author``, ``description``), RDFa ``dc:date``, ``<time datetime>``, a visible
timestamp after a cue («نشر في: ...», «تم نشره ...», «آخر تحديث: ...»), and last the date in
the URL path (``/2018/10/14/``). The headline loses its site-name suffix
(«... - اليوم السابع», «| الجزيرة نت»).

What is *not* taken: a web developer's ``DC.Creator`` credit is not an author; copyright years
(«© 1944 - 2018») and the day shown by a date widget in the page header are not publication
dates (a visible date counts only after a cue word, or in a date element after the headline).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Iterator
from typing import Final
from urllib.parse import urlsplit

import regex

from arnews import data
from arnews.read.blocks import PageMeta
from arnews.read.html_dates import (
    Stamp,
    bare_timestamp,
    parse_machine_date,
    parse_page_date,
    url_date,
)
from arnews.read.html_tree import Tree
from arnews.read.text import tidy
from arnews.text import chars
from arnews.text.fold import FOLD_TABLE, fold, match_key

__all__ = ["class_words", "read_meta"]

# JSON-LD types that describe the article itself.
_ARTICLE_TYPES: Final = frozenset(
    {
        "newsarticle",
        "article",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "backgroundnewsarticle",
        "reviewnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
        "socialmediaposting",
    }
)
_PAGE_TYPES: Final = frozenset({"webpage", "itempage"})
_JSON_LD_MAX: Final = 1_000_000  # characters of one script; larger ones are skipped

# <meta> keys (name, property or itemprop), by what they hold, strongest first.
_PUBLISHED_KEYS: Final = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "article.published",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc:date",
    "dc.date",
    "date",
    "datecreated",
)
_MODIFIED_KEYS: Final = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "lastmod",
    "last-modified",
    "dcterms.modified",
)
_TITLE_KEYS: Final = ("og:title", "twitter:title")
_SITE_KEYS: Final = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_AUTHOR_KEYS: Final = ("author", "article:author", "byl", "sailthru.author", "parsely-author")
_DESCRIPTION_KEYS: Final = ("description", "og:description")

# Class/id words of an element holding the author's name («<span class="author">»).
_AUTHOR_CLASSES: Final = frozenset({"author", "byline", "writer", "kateb"})
# Class/id words of a visible publication date («<div class="post-date">»).
_DATE_CLASSES: Final = frozenset({"date", "time", "published", "publish", "pubdate", "posted"})
# How far after the headline a date element may stand (elements in document order).
_DATE_WINDOW: Final = 150

# Class and id words: split at separators and camelCase («MoreReads» → more, reads).
_WORD_SPLIT: Final = regex.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
# A title's parts around a site-name separator, which has spaces on both sides:
# «... - اليوم السابع», «... | بوابة أخبار اليوم», «المدينة نيوز - ...».
_LATIN_ONLY: Final = regex.compile(r"^(?=.*\p{Latin})[\p{Latin}\d\s.&'’-]+$")
_ARABIC: Final = regex.compile(r"\p{Arabic}")
_PARENS: Final = regex.compile(r"\([^()]*\)")
_LETTER: Final = regex.compile(r"\p{L}")


@functools.cache
def _separator_pattern() -> regex.Pattern[str]:
    # «|» cannot be written in a data file (it separates variants there)
    seps = sorted(data.words("html_site_separators") | {"|"}, key=len, reverse=True)
    return regex.compile(r"\s+(?:" + "|".join(regex.escape(s) for s in seps) + r")\s+")


@functools.cache
def _cue_pattern() -> tuple[regex.Pattern[str], dict[str, str]]:
    """Date cues (``html_date_cues.txt``), folded, with what each announces."""
    kinds: dict[str, str] = {}
    for entry in data.entries("html_date_cues"):
        for cue in entry[1:]:
            kinds[fold(cue).text.lower()] = entry[0]
    alternatives = "|".join(regex.escape(c) for c in sorted(kinds, key=len, reverse=True))
    return regex.compile(rf"(?<!\p{{L}})(?:{alternatives})(?!\p{{L}})", regex.IGNORECASE), kinds


# What folding takes out of a word: marks, invisibles and tatweel («نُشر», «نـشر»).
_FOLDED_AWAY_CHARS: Final = (
    f"{chars.DIACRITICS}{chars.BIDI_CONTROLS}{chars.ZERO_WIDTH}{chars.TATWEEL}"
)
# The letters a cue stands apart from, as the raw text writes them: Arabic, Latin in either
# case, and the Kelvin sign (the one character outside ASCII that lowers to an ASCII letter);
# not tatweel (U+0640, inside the Arabic letter range), which folding takes out.
_CUE_NEIGHBOURS: Final = "[\u0621-\u063f\u0641-\u064aa-zA-Z\u212a]"


@functools.cache
def _cue_prefilter(kind: str | None = None) -> tuple[re.Pattern[str], ...]:
    """Patterns for the raw text of a page that find every place where a date cue (of
    ``kind``, «published» or «modified», or of any kind) may be once folded: one for each
    cue that holds no shorter cue as whole words («نشر» stands for «نشر في», not for «تم
    نشره»), each letter standing for itself, its capital or any letter folding into it
    («[اأإآٱ]خر»), with marks, invisibles and tatweel allowed between the letters («نُـشر»),
    and no Arabic or Latin letter right before or right after (the cues with the same first
    letter in one pattern). A few plain searches with a literal start, on the raw text: much
    cheaper than folding the whole page, or even taking the marks out and lower-casing it.
    Presentation forms (folded by NFKC) are looked for apart (:func:`_may_hold_cue`).
    """
    _, kinds = _cue_pattern()
    cues = sorted((c for c, k in kinds.items() if kind is None or k == kind), key=len)
    sources: dict[str, set[str]] = {}
    for code, out in FOLD_TABLE.items():
        sources.setdefault(out, set()).add(chr(code))

    def letters_of(ch: str) -> list[str]:
        choices = {ch} | sources.get(ch, set())
        # the raw text is not lower-cased: a capital stands for its small letter
        choices |= {c.upper() for c in choices if len(c.upper()) == 1}
        if "k" in choices:
            choices.add("\u212a")  # the Kelvin sign lowers to «k»
        return sorted(choices)

    def letter(ch: str) -> str:
        choices = letters_of(ch)
        if len(choices) == 1:
            return re.escape(ch)
        return "[" + "".join(re.escape(c) for c in choices) + "]"

    # a cue stands apart from the letters around it: «انتشر» holds none
    letters = "[\u0621-\u064aa-z]"

    def holds(cue: str, shorter: str) -> bool:
        return re.search(f"(?<!{letters}){re.escape(shorter)}(?!{letters})", cue) is not None

    shortest = [c for i, c in enumerate(cues) if not any(holds(c, o) for o in cues[:i])]
    away = f"[{_FOLDED_AWAY_CHARS}]*"
    # the letter before is looked for after the first letter of the cue, so that each search
    # starts by scanning for that letter
    # the cues by their first letter: one search for each way of writing it («u», «U»: a
    # scan for one character is several times faster than for a set), cues that start alike
    # sharing it
    rests: dict[str, list[str]] = {}
    for cue in shortest:
        rest = "".join(away + letter(ch) for ch in cue[1:]) + f"(?!{_CUE_NEIGHBOURS})"
        for first in letters_of(cue[0]):
            rests.setdefault(re.escape(first), []).append(rest)
    patterns = [
        re.compile(first + f"(?<!{_CUE_NEIGHBOURS}(?s:.))(?:" + "|".join(alts) + ")")
        for first, alts in rests.items()
    ]
    return tuple(patterns)


# The first byte in UTF-8 of every presentation form (U+FB50–U+FDFF, U+FE70–U+FEFE), as of
# every character from U+F000 to U+FFFF: one byte search finds any of them, several times
# faster than a character class tried at every character.
_PRESENTATION_LEAD: Final = b"\xef"


def _may_hold_cue(text: str, kind: str | None = None) -> bool:
    """Whether ``text`` may hold a date cue (of ``kind``, or of any kind) once folded
    (``False``: it surely holds none)."""
    for pattern in _cue_prefilter(kind):
        if pattern.search(text):
            return True
    # a cue written in presentation forms («ﻧﺸﺮ»)
    return _PRESENTATION_LEAD in text.encode("utf-8", "surrogatepass")


@functools.cache
def _byline_cue() -> regex.Pattern[str]:
    cues = sorted(data.words("html_byline_cues"), key=len, reverse=True)
    return regex.compile(
        r"^\s*(?:" + "|".join(regex.escape(fold(c).text) for c in cues) + r")\s*[:：\-–—/]?\s*"
    )


def class_words(tree: Tree, i: int) -> set[str]:
    """The lower-cased words of element ``i``'s ``class`` and ``id``."""
    words: set[str] = set()
    for value in (tree.classes[i], tree.ids[i]):
        if value:
            words.update(w.lower() for w in _WORD_SPLIT.split(value) if w)
    return words


def _may_name_author(values: str) -> bool:
    """Whether ``values`` (class or id values) may hold a word of :data:`_AUTHOR_CLASSES`
    once split into words (``False``: surely none of them, see :func:`class_words`): plain
    searches of the lower-cased text, much cheaper than splitting it or a case-blind pattern.

    >>> _may_name_author("post-BYLINE"), _may_name_author("share-box news")
    (True, False)
    """
    # a word that lower-cases to an author word lies in the lower-cased text as it is
    low = values.lower()
    return any(word in low for word in _AUTHOR_CLASSES)


def _text(tree: Tree, i: int) -> str:
    return tidy(tree.text(i))


# ---------------------------------------------------------------------------------------------
# Collected raw values


class _Raw:
    """Metadata values in the order they were found, per key."""

    def __init__(self) -> None:
        self.meta: dict[str, list[str]] = {}
        self.ld_articles: list[dict[str, object]] = []
        self.ld_pages: list[dict[str, object]] = []
        self.ld_sites: list[str] = []

    def add(self, key: str, value: str | None) -> None:
        if value and value.strip():
            self.meta.setdefault(key.lower().strip(), []).append(value.strip())

    def first(self, keys: tuple[str, ...]) -> Iterator[str]:
        for key in keys:
            yield from self.meta.get(key, ())


def _walk_json(node: object) -> Iterator[dict[str, object]]:
    """Every JSON object in ``node`` (iteratively: deep JSON is no recursion risk)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _types(obj: dict[str, object]) -> set[str]:
    value = obj.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.lower() for v in values if isinstance(v, str)}


def _read_json_ld(tree: Tree, scripts: list[int], raw: _Raw) -> None:
    for script in scripts:
        if "ld+json" not in (tree.get(script, "type") or "").lower():
            continue
        body = tree.own_text(script) or ""
        if not body.strip() or len(body) > _JSON_LD_MAX:
            continue
        try:
            parsed = json.loads(body, strict=False)
        except (ValueError, RecursionError):
            continue
        for obj in _walk_json(parsed):
            types = _types(obj)
            if types & _ARTICLE_TYPES:
                raw.ld_articles.append(obj)
            elif types & _PAGE_TYPES:
                raw.ld_pages.append(obj)
            elif types & {"website", "organization", "newsmediaorganization"}:
                name = obj.get("name")
                if isinstance(name, str) and name.strip():
                    raw.ld_sites.append(name.strip())


def _read_tags(tree: Tree, metas: list[int], raw: _Raw) -> None:
    for element in metas:
        attributes = tree.attributes[element]
        if attributes is None:
            continue
        content = attributes.get("content")
        if not content or content.isspace():
            continue  # no value to add under any key
        for attr in ("property", "name", "itemprop", "http-equiv"):
            if key := attributes.get(attr):
                raw.add(key, content)
    # RDFa and microdata on other elements: <span property="dc:date" content="...">,
    # <time itemprop="datePublished" datetime="...">.
    tags = tree.tags
    for i in tree.having("itemprop", "property"):
        if tags[i] == "meta":
            continue
        attributes = tree.attributes[i]
        assert attributes is not None
        key = attributes.get("itemprop") or attributes.get("property")
        if not key:
            continue
        value = attributes.get("content") or attributes.get("datetime")
        if value is None and tags[i] == "time":
            value = _text(tree, i)
        raw.add(key, value)


def _ld_strings(objs: list[dict[str, object]], key: str) -> Iterator[str]:
    for obj in objs:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            yield value.strip()


# ---------------------------------------------------------------------------------------------
# Dates


def _stamp(value: str) -> Stamp | None:
    return parse_machine_date(value) or parse_page_date(value)


def _same_instant(a: Stamp, b: Stamp) -> bool:
    if not (isinstance(a, dt.datetime) and isinstance(b, dt.datetime)):
        return False
    return abs((a - b).total_seconds()) <= 60


def _local(chosen: Stamp, others: list[Stamp]) -> Stamp:
    """The same instant written in the site's own offset, when another source gives it.

    ``2020-12-24T23:59:50+00:00`` and ``2020-12-25T01:59:50+02:00`` are one instant; the page's
    day is the local one.
    """
    if isinstance(chosen, dt.datetime) and chosen.utcoffset() == dt.timedelta(0):
        for other in others:
            if (
                isinstance(other, dt.datetime)
                and other.utcoffset() != dt.timedelta(0)
                and _same_instant(chosen, other)
            ):
                return other
    return chosen


def _structured_date(raw: _Raw, keys: tuple[str, ...], ld_key: str) -> Stamp | None:
    """The first timestamp of the structured sources, in the site's own offset when another
    source gives it (see :func:`_local`); the other values are read only in that case."""
    values = [
        *_ld_strings(raw.ld_articles, ld_key),
        *raw.first(keys),
        *_ld_strings(raw.ld_pages, ld_key),
    ]
    stamps = (s for v in values if (s := _stamp(v)) is not None)
    chosen = next(stamps, None)
    if isinstance(chosen, dt.datetime) and chosen.utcoffset() == dt.timedelta(0):
        return _local(chosen, list(stamps))
    return chosen


def _in_link(tree: Tree, i: int) -> bool:
    """Whether element ``i`` is a link or inside one."""
    tags, parents = tree.tags, tree.parents
    while i >= 0:
        if tags[i] == "a":
            return True
        i = parents[i]
    return False


_UNCUED_TAGS: Final = frozenset({"script", "style", "a"})  # their own text holds no cue


def _cued_dates(tree: Tree, *, published: bool = True) -> tuple[dt.date | None, dt.date | None]:
    """(published, modified) from visible text after a cue: «نشر في: ...», «آخر تحديث: ...».
    With ``published=False`` only the modified day is wanted: a page without an update cue
    is not looked at (the published day found may then be missing; it is not used).

    The own text of every element is folded and searched in one piece (joined by line
    breaks, which no cue holds and which stand for the edges of each text); only the texts
    where a cue was found are looked at one by one.
    """
    pattern, kinds = _cue_pattern()
    found: dict[str, dt.date] = {}
    body = next((i for i in tree.children(0) if tree.tags[i] == "body"), -1)
    if body < 0:
        return None, None
    tags, own_texts = tree.tags, tree.texts
    # the elements with an own text, and the first 300 characters of each
    holders: list[int] = []
    owns: list[str] = []
    for i in range(body, tree.ends[body]):
        own = own_texts[i]
        if own and tags[i] not in _UNCUED_TAGS and not own.isspace():
            holders.append(i)
            owns.append(own[:300])
    raw = "\n".join(owns)
    if not _may_hold_cue(raw, None if published else "modified"):
        return None, None
    joined = fold(raw)
    starts = list(itertools.accumulate((len(o) + 1 for o in owns[:-1]), initial=0))
    index = -1
    for m in pattern.finditer(joined.text):
        at = bisect.bisect_right(starts, joined.source_start(m.start())) - 1
        if at <= index:
            continue  # only the first cue of each text counts
        index = at
        kind = kinds.get(m.group().lower(), "published")
        i = holders[at]
        if kind in found or _in_link(tree, i):
            continue
        folded = fold(owns[at]).text
        cue = pattern.search(folded)
        assert cue is not None
        # the timestamp may run on into child elements: «نشر في: <span>14 ...</span>»
        own = own_texts[i]
        assert own is not None
        after = folded[cue.end() :] + " " + _text(tree, i)[len(own) :][:200]
        day = parse_page_date(after)
        if day is not None:
            found[kind] = day
        if len(found) == 2:
            break
    return found.get("published"), found.get("modified")


def _is_update_stamp(text: str) -> bool:
    pattern, kinds = _cue_pattern()
    m = pattern.search(fold(text).text)
    return m is not None and kinds.get(m.group().lower()) == "modified"


def _date_after_headline(tree: Tree, headline: int | None) -> dt.date | None:
    """A date element («<div class="post-date">») shortly after the headline element
    (element ``headline``), or after the element holding it (up to ``<body>``)."""
    tags, parents, ends = tree.tags, tree.parents, tree.ends
    at = -1 if headline is None else headline
    while at >= 0:
        parent = parents[at]
        # the siblings after it and their subtrees, in document order
        stop = ends[parent] if parent >= 0 else ends[at]
        for item in range(ends[at], min(stop, ends[at] + _DATE_WINDOW)):
            if _in_link(tree, item):
                continue
            if tags[item] == "time" or class_words(tree, item) & _DATE_CLASSES:
                day = parse_page_date(_text(tree, item))
                if day is not None:
                    return day
            elif (tree.own_text(item) or "").strip():
                # a stamp under the headline in a plain element, unless it is an update stamp
                # («الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00»)
                text = _text(tree, item)
                day = bare_timestamp(text)
                if day is not None and not _is_update_stamp(text):
                    return day
        if stop > ends[at] + _DATE_WINDOW or parent < 0 or tags[parent] in ("body", "html"):
            return None
        at = parent
    return None


# ---------------------------------------------------------------------------------------------
# Names: headline, site, authors


# A URL whose host is read without parsing it: «https://www.youm7.com/story/...» (the host
# of letters, digits, dots and hyphens, an optional port, then the path, query or fragment);
# others (userinfo, brackets, spaces, other schemes) go through ``urlsplit``.
_PLAIN_URL: Final = re.compile(r"https?://([A-Za-z0-9.\-]+)(?::[0-9]*)?(?=[/?#]|\Z)")


def _host(url: str) -> str:
    """The host of ``url``, lower-cased (``""`` when it has none), as ``urlsplit`` reads it.

    >>> _host("https://www.Youm7.com:443/story/2020/8/24"), _host("http://[x")
    ('www.youm7.com', '')
    """
    m = _PLAIN_URL.match(url)
    if m is not None:
        return m.group(1).lower()
    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # a malformed URL («http://[x»): no host to read
        return ""


def _site_keys(site_names: list[str], url: str | None) -> set[str]:
    keys = {match_key(n).lower() for n in site_names} - {""}
    if url:
        for label in _host(url).split("."):
            if len(label) > 3 and label not in ("www", "com", "net", "org", "news"):
                keys.add(label.lower())
    return keys


def _is_site(part: str, site_keys: set[str], *, strict: bool = False) -> bool:
    """Whether a title part names the site: equal to a site name, or the site name with at
    most two more words («بوابة أخبار اليوم الإلكترونية» for «بوابة اخبار اليوم»)."""
    key = match_key(part).lower()
    if not key:
        return True
    if key in site_keys or key.replace(" ", "") in site_keys:
        return True
    if strict:
        return False
    words = len(key.split())
    for site in site_keys:
        if len(site) < 4:
            continue
        if (key.startswith(site) or key.endswith(site)) and words <= len(site.split()) + 2:
            return True
        if len(key) >= 4 and key in site:
            return True
    return False


def strip_site(title: str, site_keys: set[str]) -> str:
    """``title`` without a leading or trailing site name («... - اليوم السابع»)."""
    parts = _separator_pattern().split(title)
    if len(parts) < 2:
        return title.strip()
    arabic = bool(_ARABIC.search(title))
    while len(parts) > 1 and (
        _is_site(parts[-1], site_keys) or (arabic and _LATIN_ONLY.match(parts[-1]))
    ):
        parts.pop()
    while len(parts) > 1 and (
        _is_site(parts[0], site_keys) or (arabic and _LATIN_ONLY.match(parts[0]))
    ):
        parts.pop(0)
    if len(parts) == len(_separator_pattern().split(title)):
        return title.strip()
    # put the kept parts back with the separators they had
    kept_start = title.find(parts[0])
    kept_end = title.rfind(parts[-1]) + len(parts[-1])
    return title[kept_start:kept_end].strip() if 0 <= kept_start < kept_end else title.strip()


_SITE_NAME_MAX_WORDS: Final = 4


def _strip_trailing_name(title: str, site_keys: set[str]) -> str:
    """A ``<title>`` without its last short part when no known site name was found there:
    «... - اليوم السابع» with no ``og:site_name`` in the page."""
    stripped = strip_site(title, site_keys)
    if stripped != title.strip():
        return stripped
    parts = _separator_pattern().split(title)
    if len(parts) < 2 or len(parts[-1].split()) > _SITE_NAME_MAX_WORDS:
        return title
    if len(" ".join(parts[:-1]).split()) < 3:
        return title
    return title[: title.rfind(parts[-1])].rstrip(" -|–—:·•/«»")


def _runs(title: str) -> set[str]:
    """Keys of every run of consecutive parts of a title split at site-name separators."""
    cuts = [0]
    for m in _separator_pattern().finditer(title):
        cuts.extend((m.start(), m.end()))
    cuts.append(len(title))
    starts, ends = cuts[0::2], cuts[1::2]
    return {
        match_key(title[starts[i] : ends[j]])
        for i in range(len(starts))
        for j in range(i, min(len(ends), i + 8))
    }


def _key_of(keys: dict[str, str], text: str) -> str:
    """``match_key(text)``, worked out once for each text (``keys`` holds those known)."""
    key = keys.get(text)
    if key is None:
        key = keys[text] = match_key(text)
    return key


def _choose_headline(
    h1s: list[tuple[str, int]], titles: list[tuple[str, str]], site_keys: set[str]
) -> tuple[str | None, int | None]:
    """The headline from ``<h1>``s (text, index) and (raw, cleaned) meta titles, and the
    index of its element."""
    metas = [raw for raw, _ in titles]
    cleaned = [clean for _, clean in titles]
    # the titles repeat (og:title, twitter:title, JSON-LD): each key and each set of runs
    # worked out once (plain dicts of this call only)
    keys: dict[str, str] = {}
    runs: dict[str, set[str]] = {}
    candidates = [
        (t, e) for t, e in h1s if _key_of(keys, t) and not _is_site(t, site_keys, strict=True)
    ]
    for text, element in candidates:
        key = _key_of(keys, text)
        for meta, clean in zip(metas, cleaned, strict=True):
            if key == _key_of(keys, clean):
                return text, element
            meta_runs = runs.get(meta)
            if meta_runs is None:
                meta_runs = runs[meta] = _runs(meta)
            if key in meta_runs:
                return text, element
    for text, element in candidates:
        key = _key_of(keys, text)
        for clean in cleaned:
            # an <h1> cut short by the template («... ولا حاجة لن»): the meta title is whole
            if len(key) >= 15 and _key_of(keys, clean).startswith(key):
                return clean, element
    if cleaned:
        return cleaned[0], candidates[0][1] if candidates else None
    if candidates:
        return candidates[0]
    return None, None


def _clean_author(name: str, site_keys: set[str]) -> str | None:
    name = tidy(_PARENS.sub(" ", name))
    name = _byline_cue().sub("", fold(name).text) if _byline_cue().match(fold(name).text) else name
    if " - " in name:
        name = name.split(" - ")[0]
    name = name.strip(" -–:،,")
    if not name or "http" in name or "www." in name or "@" in name:
        return None
    if len(name.split()) > 6 or not _LETTER.search(name):
        return None
    if _is_site(name, site_keys) or match_key(name).lower() in site_keys:
        return None
    return name


def _byline(tree: Tree) -> list[str]:
    """The text of the first element with ``rel="author"`` or an author word in its class
    or id («<span class="author">») that reads like a name (eight words at most)."""
    rels = tree.having("rel")
    rel_values: list[str] = [tree.get(i, "rel") or "" for i in rels]
    tags, classes, ids = tree.tags, tree.classes, tree.ids
    # every class, id and rel value of the page, looked at at once: with no author word in
    # any, no element can be the byline (the usual case)
    values = [v for v in classes if v]
    values.extend([v for v in ids if v])
    values.extend(rel_values)
    if not _may_name_author("\n".join(values)):
        return []
    rel_authors = {i for i, rel in zip(rels, rel_values, strict=True) if rel == "author"}
    for i, (cls, id_) in enumerate(zip(classes, ids, strict=True)):
        if cls is None and id_ is None and i not in rel_authors:
            continue
        if tags[i] in ("meta", "script", "link"):
            continue
        if i in rel_authors or (
            (
                (cls is not None and _may_name_author(cls))
                or (id_ is not None and _may_name_author(id_))
            )
            and class_words(tree, i) & _AUTHOR_CLASSES
        ):
            text = _text(tree, i)
            if text and len(text.split()) <= 8:
                return [text]
    return []


def _authors(tree: Tree, raw: _Raw, site_keys: set[str]) -> tuple[str, ...]:
    names: list[str] = []
    for obj in raw.ld_articles:
        value = obj.get("author")
        for person in value if isinstance(value, list) else [value]:
            if isinstance(person, dict) and "organization" not in _types(person):
                name = person.get("name")
                if isinstance(name, str):
                    names.append(name)
            elif isinstance(person, str):
                names.append(person)
    names.extend(raw.first(_AUTHOR_KEYS))
    if not names:
        # every class, id and rel value of the page, looked at at once: with no author word in
        # any, no element can be the byline (the usual case), found without a look at every
        # element with a class
        names.extend(_byline(tree))
    out: list[str] = []
    for name in names:
        clean = _clean_author(name, site_keys)
        if clean and clean not in out:
            out.append(clean)
    return tuple(out)


def _canonical(tree: Tree, links: list[int], raw: _Raw) -> str | None:
    for link in links:
        if "canonical" in (tree.get(link, "rel") or "").lower().split():
            href = (tree.get(link, "href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    for value in [*raw.first(("og:url",)), *_ld_strings(raw.ld_articles, "url")]:
        if value.startswith(("http://", "https://")):
            return value
    return None


_READ_TAGS: Final = ("script", "meta", "link", "title", "h1")


def read_meta(tree: Tree, *, url: str | None) -> tuple[PageMeta, int | None]:
    """Read the metadata of a parsed page.

    Args:
        tree: the parsed page, flat (:class:`arnews.read.html_tree.Tree`).
        url: where the caller found the page, if known.

    Returns:
        The :class:`PageMeta`, and the index of the element holding the headline (for the
        content reader), if one was found.
    """
    # the elements read by tag, found in one pass over the page (in document order)
    tagged: dict[str, list[int]] = {tag: [] for tag in _READ_TAGS}
    tags = tree.tags
    for i in [i for i, tag in enumerate(tags) if tag in tagged]:
        tagged[tags[i]].append(i)
    raw = _Raw()
    _read_json_ld(tree, tagged["script"], raw)
    _read_tags(tree, tagged["meta"], raw)

    canonical = _canonical(tree, tagged["link"], raw)
    page_url = url or canonical
    site_names = [
        n
        for n in [*raw.first(_SITE_KEYS), *raw.ld_sites]
        if not n.startswith(("http://", "https://", "www."))
    ]
    site_keys = _site_keys(site_names, page_url)

    titles: list[tuple[str, str]] = []
    for value in [*_ld_strings(raw.ld_articles, "headline"), *raw.first(_TITLE_KEYS)]:
        title = tidy(value)
        titles.append((title, strip_site(title, site_keys)))
    for i in tagged["title"]:
        title = tidy(_text(tree, i))
        titles.append((title, _strip_trailing_name(title, site_keys)))
    titles = [(t, c) for t, c in titles if t and c]
    h1s = [(tidy(_text(tree, i)), i) for i in tagged["h1"]]
    headline, headline_element = _choose_headline(h1s, titles, site_keys)

    published = _structured_date(raw, _PUBLISHED_KEYS, "datePublished")
    modified = _structured_date(raw, _MODIFIED_KEYS, "dateModified")
    if published is None or modified is None:
        cued_published, cued_modified = _cued_dates(tree, published=published is None)
        published = published or cued_published
        modified = modified or cued_modified
    if published is None:
        published = _date_after_headline(tree, headline_element)
    if published is None:
        for candidate in (url, canonical):
            if candidate and (day := url_date(candidate)) is not None:
                published = day
                break

    descriptions = [tidy(d) for d in raw.first(_DESCRIPTION_KEYS)]
    meta = PageMeta(
        title=headline,
        published=published,
        modified=modified,
        authors=_authors(tree, raw, site_keys),
        url=canonical,
        site_name=tidy(site_names[0]) if site_names else None,
        description=next((d for d in descriptions if d), None),
    )
    return meta, headline_element
