"""The main content of a page: which part of the tree is the article, and its blocks.

1. Page furniture goes: ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``,
   forms, buttons, embeds; and every element whose class or id names furniture (share
   widgets, related and most-read lists, comments, ads, newsletter boxes ...; the words are in
   ``arnews/data/html_noise.txt``) unless it holds most of the page's running text.
2. The article container is the element whose paragraphs hold the most running text (each
   paragraph counts fully for its parent and half for its grandparent, less its link text);
   sibling blocks that read like prose join it (a lead in a ``div`` of its own).
3. The container is walked in document order into blocks: ``<p>`` and text split by ``<br>``
   become lines (layout decides what each is, exactly as for plain text), ``h2``–``h6`` and
   short lines wholly in bold become headings, list items and blockquotes become paragraphs,
   ``figcaption`` and caption classes become captions (kept apart from the body). Blocks that
   are mostly link text (in-body teasers), bare timestamps and the headline repeated are left
   out.

The walk is iterative (``lxml.etree.iterwalk``): deep trees cost no Python recursion.
"""

from __future__ import annotations

import functools
import itertools
from typing import Final, TypeAlias

import lxml.etree
import lxml.html
import regex

from arnews import data
from arnews.read.blocks import Block, BlockKind
from arnews.read.html_dates import bare_timestamp
from arnews.read.text import tidy
from arnews.text.fold import match_key

__all__ = ["content_blocks"]

Element: TypeAlias = lxml.html.HtmlElement

# Tags dropped with their content (their tail text stays).
_DROP_TAGS: Final = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "button",
        "select",
        "option",
        "input",
        "textarea",
        "label",
        "nav",
        "aside",
        "footer",
        "header",
        "menu",
        "video",
        "audio",
        "map",
        "dialog",
        "head",
    }
)
# Elements that end a line of text (a block boundary).
_BLOCK_TAGS: Final = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tbody",
        "thead",
        "tr",
        "td",
        "th",
        "figure",
        "figcaption",
        "caption",
        "address",
        "center",
        "hr",
        "form",
        "fieldset",
        "details",
        "summary",
    }
)
_HEADING_TAGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6"})
# Furniture that may stand inside the article («اقرأ أيضا» boxes): set aside, not dropped.
_ASIDE_TAGS: Final = frozenset({"aside"})
_ASIDE_TAG: Final = "arnews-aside"  # the placeholder left where furniture was set aside
# An inline style that hides the element: «display:none», «visibility: hidden».
_HIDDEN_STYLE: Final = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)
_BOLD_TAGS: Final = frozenset({"b", "strong"})
_CAPTION_TAGS: Final = frozenset({"figcaption", "caption"})
_CAPTION_WORDS: Final = frozenset({"caption", "wp-caption-text", "photo-caption", "img-caption"})
# State words in a class token («no-share», «has-sidebar»): not a kind of block.
_STATE_PREFIX: Final = regex.compile(
    r"^(?:no|has|with|without|is|show|enable|disable)[-_]", regex.I
)
_WORD_SPLIT: Final = regex.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_WS: Final = regex.compile(r"\s+")
# An interview turn: «س: ما رأيك ...؟», «ج - نحن ...», «سؤال: ...», «الصباح: ...».
_INTERVIEW_TURN: Final = regex.compile(r"^(?:س|ج|سؤال|جواب)\s*[:\-–/]")
_SENTENCE_END: Final = regex.compile(r"[.!؟?…:؛][\"'»”)\]]*$")

_UNIT_MIN: Final = 25  # characters of running text for a paragraph to count
_KEEP_SHARE: Final = 0.4  # a furniture-named wrapper holding more of the text may be kept
_WRAPPER_SHARE: Final = 0.5  # a <form> with this share of the page's elements wraps the page
_SIBLING_SHARE: Final = 0.2  # a sibling of the container with this share of its score joins it
_SIBLING_PROSE: Final = 80  # ... or one holding a paragraph of this many characters
_LINK_DENSE: Final = 0.6  # a block with more link text than this is a teaser or a menu
_BOLD_HEADING_WORDS: Final = 15


@functools.cache
def _noise_words() -> frozenset[str]:
    """Furniture words, and whole furniture tokens marked with a leading «=»."""
    words = {v.lower() for v in data.words("html_noise")}
    return frozenset(words | {"=" + v for v in _noise_exact()})


def _class_tokens(element: Element, cache: dict[str, frozenset[str]]) -> frozenset[str]:
    """Furniture-relevant words of the class and id, state flags left out.

    Class values repeat all over a page: ``cache`` (one per page) maps each attribute value
    to its words.
    """
    out: frozenset[str] = frozenset()
    for value in (element.get("class"), element.get("id")):
        if value:
            found = cache.get(value)
            if found is None:
                found = cache[value] = _value_tokens(value)
            out = out | found if out else found
    return out


def _value_tokens(value: str) -> frozenset[str]:
    out: set[str] = set()
    for token in value.split():
        if _STATE_PREFIX.match(token):
            continue
        words = [w.lower() for w in _WORD_SPLIT.split(token) if w]
        if token.lower() in _noise_exact():
            out.add("=" + token.lower())
        out.update(words)
        out.update(a + b for a, b in itertools.pairwise(words))
        out.update(f"{a}-{b}" for a, b in itertools.pairwise(words))
    return frozenset(out)


@functools.cache
def _content_words() -> frozenset[str]:
    return frozenset(v.lower() for v in data.words("html_content"))


@functools.cache
def _noise_exact() -> frozenset[str]:
    return frozenset(v.lower() for v in data.words("html_noise_exact"))


@functools.cache
def _layout_slots() -> frozenset[str]:
    return frozenset(v.lower() for v in data.words("html_layout_slots"))


def _is_caption(element: Element) -> bool:
    if element.tag in _CAPTION_TAGS:
        return True
    value = (element.get("class") or "").lower()
    return any(w in _CAPTION_WORDS for w in value.split())


def _clean_text(text: str) -> str:
    return tidy(_WS.sub(" ", text))


class _Measure:
    """Per element: running text of its own paragraph and of its whole subtree, link text."""

    def __init__(self, top: Element) -> None:
        self.total: dict[Element, int] = {}
        self.links: dict[Element, int] = {}
        self.inline: dict[Element, int] = {}
        self.inline_links: dict[Element, int] = {}
        for event, element in lxml.etree.iterwalk(top, events=("end",)):
            if event != "end" or not isinstance(element.tag, str):
                continue
            own = len((element.text or "").strip())
            total = own
            links = own if element.tag == "a" else 0
            inline = own
            inline_links = links
            for child in element:
                if not isinstance(child.tag, str):
                    continue
                tail = len((child.tail or "").strip())
                total += self.total.get(child, 0) + tail
                inline += tail
                child_links = self.links.get(child, 0)
                links += self.total.get(child, 0) if element.tag == "a" else child_links
                if child.tag not in _BLOCK_TAGS:
                    inline += self.inline.get(child, 0)
                    inline_links += (
                        self.inline.get(child, 0)
                        if element.tag == "a"
                        else self.inline_links.get(child, 0)
                    )
            if element.tag == "a":
                inline_links = inline
            self.total[element] = total
            self.links[element] = links
            self.inline[element] = inline
            self.inline_links[element] = inline_links

    def prose(self, element: Element) -> int:
        """Running text of ``element``'s own paragraph, link text not counted."""
        return self.inline.get(element, 0) - self.inline_links.get(element, 0)

    def link_share(self, element: Element) -> float:
        total = self.total.get(element, 0)
        return self.links.get(element, 0) / total if total else 0.0


def _drop(element: Element) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # keeps the tail text


Aside: TypeAlias = dict[Element, Element]
"""Furniture taken out of the tree: the placeholder left in its place → the element."""


def _set_aside(element: Element, aside: Aside) -> None:
    """Replace ``element`` by an empty placeholder: it no longer counts as the page's text,
    but a walk that meets the placeholder inside the article reports its text as furniture."""
    parent = element.getparent()
    if parent is None:
        return
    holder = element.makeelement(_ASIDE_TAG, {})
    holder.tail, element.tail = element.tail, None
    parent.replace(element, holder)
    aside[holder] = element


def _is_hidden(element: Element) -> bool:
    if element.get("hidden") is not None:
        return True
    return _HIDDEN_STYLE.search(element.get("style") or "") is not None


def _remove_furniture(body: Element, keep: Element | None) -> Aside:
    """Drop page furniture; set aside (see :func:`_set_aside`) what may sit in the article."""
    aside: Aside = {}
    # the elements that hold ``keep`` (it and its ancestors): never removed
    holds_keep = set() if keep is None else {keep, *keep.iterancestors()}
    for element in list(body.iter(*_DROP_TAGS)):
        if element.tag in _ASIDE_TAGS and element not in holds_keep:
            _set_aside(element, aside)
        else:
            _drop(element)
    size = sum(1 for _ in body.iter())
    for element in list(body.iter("form")):
        # ASP.NET pages wrap the whole page in a <form>: keep a form with the article in it
        if element in holds_keep:
            continue
        if sum(1 for _ in element.iter()) < _WRAPPER_SHARE * size:
            _drop(element)
    measure = _Measure(body)
    whole = max(measure.total.get(body, 0) - measure.links.get(body, 0), 1)
    for element in body.xpath(".//*[@hidden or @style]"):
        # hidden from the reader («style="display:none"», «hidden»), unless it is the article
        # itself (a page that reveals its story by script)
        if not _is_hidden(element) or element in holds_keep:
            continue
        if measure.total.get(element, 0) - measure.links.get(element, 0) <= _KEEP_SHARE * whole:
            _drop(element)
    noise = _noise_words()
    cache: dict[str, frozenset[str]] = {}
    for element in body.xpath(".//*[@class or @id]"):
        if element.getparent() is None:
            continue
        tokens = _class_tokens(element, cache)
        if not (tokens & noise):
            continue
        if _is_caption(element) or element in holds_keep:
            continue
        prose = measure.total.get(element, 0) - measure.links.get(element, 0)
        if (
            prose > _KEEP_SHARE * whole
            and tokens & _content_words()
            and tokens & noise <= _layout_slots()
        ):
            continue  # a wrapper around the article («content-wrap sidebar-right»)
        _set_aside(element, aside)
    return aside


def _container(body: Element) -> list[Element]:
    """The article container (and prose siblings of it), in document order."""
    measure = _Measure(body)
    scores: dict[Element, float] = {}
    for element in body.iter(*_BLOCK_TAGS):
        prose = measure.prose(element)
        if prose < _UNIT_MIN:
            continue
        parent = element.getparent()
        if parent is None:
            continue
        scores[parent] = scores.get(parent, 0.0) + prose
        grand = parent.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + prose / 2
    if not scores:
        return [body]
    best = max(scores, key=lambda e: scores[e] * (1 - measure.link_share(e)))
    parent = best.getparent()
    if parent is None or best is body:
        return [best]
    threshold = max(_SIBLING_SHARE * scores[best], _UNIT_MIN)
    chosen: list[Element] = []
    for sibling in parent:
        if sibling is best:
            chosen.append(sibling)
            continue
        if not isinstance(sibling.tag, str) or measure.link_share(sibling) > 0.3:
            continue
        prose = max(
            (measure.prose(e) for e in sibling.iter(*_BLOCK_TAGS)),
            default=measure.prose(sibling),
        )
        if scores.get(sibling, 0.0) >= threshold or prose >= _SIBLING_PROSE:
            chosen.append(sibling)
    return chosen


class _Walker:
    """Turns a container into blocks, one line of text at a time."""

    def __init__(self, headline_key: str, aside: Aside, *, furniture: bool = False) -> None:
        self.blocks: list[Block] = []
        self.aside = aside
        self.furniture = furniture  # every line is furniture (a set-aside box being walked)
        self.body_lines = 0
        self.parts: list[str] = []
        self.bold_chars = 0
        self.link_chars = 0
        self.bold_depth = 0
        self.link_depth = 0
        self.headline_key = headline_key
        self.kinds: list[BlockKind] = []

    def add(self, text: str | None) -> None:
        if not text:
            return
        self.parts.append(text)
        visible = len(text.strip())
        if self.bold_depth:
            self.bold_chars += visible
        if self.link_depth:
            self.link_chars += visible

    def flush(self) -> None:
        text = _clean_text("".join(self.parts))
        visible = sum(len(p.strip()) for p in self.parts)
        bold, links = self.bold_chars, self.link_chars
        self.parts, self.bold_chars, self.link_chars = [], 0, 0
        if not text:
            return
        kind: BlockKind = self.kinds[-1] if self.kinds else "line"
        if self.furniture or kind == "caption":
            self.blocks.append(Block(text=text, kind="caption", gap_before=True))
            return
        if not self.body_lines and self.headline_key and match_key(text) == self.headline_key:
            return  # the headline repeated at the top of the body
        if (
            (visible and links / visible > _LINK_DENSE)  # an in-body teaser or a menu line
            or _is_timestamp(text)
            or _FURNITURE_LINE.match(text)
        ):
            # furniture inside the article: kept apart from the body (Article.boilerplate)
            self.blocks.append(Block(text=text, kind="caption", gap_before=True))
            return
        if kind == "line" and (
            _INTERVIEW_TURN.match(text) or (visible and bold >= visible and text.endswith("؟"))
        ):
            kind = "paragraph"  # an interview turn, never a sub-heading
        if (
            kind == "line"
            and visible
            and bold >= visible
            and len(text.split()) <= _BOLD_HEADING_WORDS
            and not _SENTENCE_END.search(text.rstrip(":"))
            and not text.endswith("؟")
        ):
            kind = "heading"
        self.body_lines += 1
        self.blocks.append(Block(text=text, kind=kind, gap_before=True))

    def walk(self, top: Element) -> None:
        walker = lxml.etree.iterwalk(top, events=("start", "end"))
        skipped: set[Element] = set()
        for event, element in walker:
            tag = element.tag
            if not isinstance(tag, str):
                if event == "end":
                    self.add(element.tail)
                continue
            if event == "start":
                if tag == _ASIDE_TAG:
                    self.flush()
                    skipped.add(element)
                    if (original := self.aside.get(element)) is not None:
                        box = _Walker("", self.aside, furniture=True)
                        box.walk(original)
                        self.blocks.extend(box.blocks)
                    continue
                if (tag == "h1" or tag in _DROP_TAGS) and element is not top:
                    self.flush()
                    skipped.add(element)
                    walker.skip_subtree()
                    continue
                if tag == "br":
                    self.flush()
                    continue
                if tag in _BLOCK_TAGS or _is_caption(element):
                    self.flush()
                    self.kinds.append(_kind(element, self.kinds))
                if tag in _BOLD_TAGS:
                    self.bold_depth += 1
                if tag == "a":
                    self.link_depth += 1
                self.add(element.text)
                continue
            # end
            if element in skipped:
                skipped.discard(element)
            else:
                if tag in _BOLD_TAGS:
                    self.bold_depth -= 1
                if tag == "a":
                    self.link_depth -= 1
                if tag in _BLOCK_TAGS or _is_caption(element):
                    self.flush()
                    self.kinds.pop()
            if element is not top:
                self.add(element.tail)
        self.flush()


def _kind(element: Element, open_kinds: list[BlockKind]) -> BlockKind:
    if open_kinds and open_kinds[-1] == "caption":
        return "caption"
    if _is_caption(element):
        return "caption"
    tag = element.tag
    if tag in _HEADING_TAGS:
        return "heading"
    if tag in ("li", "blockquote", "dd", "dt", "pre"):
        return "paragraph" if open_kinds[-1:] != ["heading"] else "heading"
    if tag in ("td", "th", "table", "tr", "tbody", "thead"):
        return "line"  # table layouts of older sites: a cell holds lines like any container
    return open_kinds[-1] if open_kinds else "line"


# A line that is a bare URL, or a photo credit: «https://cdn.example.com/i/logo.png»,
# «© REUTERS / SHOKRY HUSSIEN».
_FURNITURE_LINE: Final = regex.compile(r"^(?:(?:https?://|www\.)\S+|©.{0,80})$")


def _is_timestamp(text: str) -> bool:
    return bare_timestamp(text) is not None


def content_blocks(root: Element, *, headline: str | None, keep: Element | None) -> list[Block]:
    """The article's blocks from a parsed page (the tree is changed: furniture is removed).

    Args:
        root: the parsed page.
        headline: the headline chosen from the metadata (left out of the body).
        keep: an element inside the article that furniture removal must not take away.

    Returns:
        The body blocks, in order (no headline block).
    """
    body = root.find("body")
    if body is None:
        body = root
    aside = _remove_furniture(body, keep)
    walker = _Walker(match_key(headline) if headline else "", aside)
    for container in _container(body):
        walker.walk(container)
    return walker.blocks
