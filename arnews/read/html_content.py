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
import re
from typing import Final, TypeAlias

import lxml.etree
import regex

from arnews import data
from arnews.read.blocks import Block, BlockKind
from arnews.read.html_dates import BARE_CHARS, bare_timestamp
from arnews.read.text import tidy
from arnews.text.fold import match_key
from arnews.text.trie import trie_pattern

__all__ = ["content_blocks"]

Element: TypeAlias = lxml.etree._Element

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
# An interview turn: «س: ما رأيك ...؟», «ج - نحن ...», «سؤال: ...», «الصباح: ...».
_INTERVIEW_TURN: Final = regex.compile(r"^(?:س|ج|سؤال|جواب)\s*[:\-–/]")
_INTERVIEW_STARTS: Final = "سج"  # the first letters it can match (a cheap test first)
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


# Elements below the body with a «hidden» or «style» attribute, and with a class or id: the
# owners of those attributes, found from the attribute axis (libxml2 tests no predicate on
# every element, several times faster than «.//*[@hidden or @style]»), in document order.
_HIDDEN_XPATH: Final = "(descendant::*/@hidden | descendant::*/@style)/.."
_NAMED_XPATH: Final = "(descendant::*/@class | descendant::*/@id)/.."


@functools.cache
def _xpath(expression: str) -> lxml.etree.XPath:
    """``expression`` compiled once (``element.xpath(...)`` compiles it at every call)."""
    return lxml.etree.XPath(expression)


def _count(element: Element) -> int:
    """How many elements ``element`` holds, itself included (counted by libxml2)."""
    found = _xpath("count(descendant-or-self::*)")(element)
    return int(found) if isinstance(found, float) else 0


def _elements(found: object) -> list[Element]:
    """The elements of an XPath node-set result."""
    return (
        [e for e in found if isinstance(e, lxml.etree._Element)] if isinstance(found, list) else []
    )


# A camelCase joint in a class or id: «mostRead».
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A class token that flags a state: «no-share», «has-sidebar» (its words are not read).
_STATE_TOKEN: Final = re.compile(r"(?:no|has|with|without|is|show|enable|disable)[-_]", re.I)


@functools.cache
def _noise_pattern() -> re.Pattern[str]:
    """Every furniture word of ``html_noise.txt`` as a word of a class or id value that is
    lower-cased with its camelCase joints made hyphens: the word whole («share» in
    «post-share»), or two words that join into it («most_read», «most-read», «mostRead» for
    «mostread»; «read-more» for «read-more»). The stdlib engine: it rejects the branches of
    the word tree by their first letter, several times faster than ``regex`` here.
    """
    sep = "[_\\-]+"
    forms: list[tuple[str, ...]] = []
    for word in _noise_words():
        if word.startswith("="):
            continue
        parts = word.split("-")
        if len(parts) == 2:  # «more-news»: the two words of a pair
            forms.append((*parts[0], sep, *parts[1]))
        elif len(parts) == 1:  # «mostread»: one word, or a pair that joins into it
            forms.append(tuple(word))
            forms.extend((*word[:k], sep, *word[k:]) for k in range(1, len(word)))
    return re.compile(r"(?<![^\s_\-])" + trie_pattern(forms, atom=_form_atom) + r"(?![^\s_\-])")


def _form_atom(atom: str) -> str:
    """A letter of a furniture word (escaped), or the separator class as it is."""
    return atom if len(atom) > 1 else re.escape(atom)


def _names_furniture(value: str) -> bool:
    """Whether a class/id value («share-box», «sidebar col-md-4») names page furniture: the
    same answer as ``_value_tokens(value) & _noise_words()``, found by one pattern."""
    if not _noise_exact().isdisjoint(value.lower().split()):
        return True
    # most values have no capital letter, so no camelCase joint to mark
    low = value if value.islower() else _CAMEL.sub("-", value).lower()
    pattern = _noise_pattern()
    m = pattern.search(low)
    while m is not None:
        # the token holding the word, unless it flags a state («no-share», «showComments»)
        before = low[: m.start()]
        index = len(before.split()) - (1 if before and not before[-1].isspace() else 0)
        token = value.split()[index]
        if not _STATE_TOKEN.match(token):
            return True
        m = pattern.search(low, m.end())
    return False


def _furniture_names(values: list[str]) -> dict[str, bool]:
    """:func:`_names_furniture` of each distinct value (class values repeat all over a
    page)."""
    return {value: _names_furniture(value) for value in dict.fromkeys(values)}


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


def _is_caption(tag: object, value: str | None) -> bool:
    """A caption: by its tag, or a caption word in its ``class`` value."""
    if tag in _CAPTION_TAGS:
        return True
    return value is not None and not _CAPTION_WORDS.isdisjoint(value.lower().split())


def _clean_text(text: str) -> str:
    # ``tidy`` splits at every Unicode space (a superset of ``\s``): no regex pass before it
    return tidy(text)


class _Measure:
    """Per element: running text of its own paragraph and of its whole subtree, link text.

    Two passes over the elements: each one's own text, in document order; then in reverse
    order (an element's descendants come before it), each element's sums are final and
    added to its parent's. No ``iterwalk`` events: half the elements' visits.
    """

    def __init__(self, top: Element) -> None:
        # element → (total, links, inline, inline links)
        self.sizes: dict[Element, tuple[int, int, int, int]] = {}
        sizes = self.sizes
        block_tags = _BLOCK_TAGS
        elements = list(top.iter())
        # per element, its sums so far: [is a link, total, links, inline, inline links]
        sums: dict[Element, list[int]] = {}
        for element in elements:
            text = element.text
            own = len(text.strip()) if text else 0
            if element.tag == "a":
                sums[element] = [1, own, own, own, own]
            else:
                sums[element] = [0, own, 0, own, 0]
        for element in reversed(elements):
            is_link, total, links, inline, inline_links = sums[element]
            if is_link:
                inline_links = inline
            sizes[element] = (total, links, inline, inline_links)
            up = element.getparent()
            if element is top or up is None:
                break
            parent = sums[up]
            tail = element.tail
            tail_size = len(tail.strip()) if tail else 0
            parent[1] += total + tail_size
            parent[2] += total if parent[0] else links
            parent[3] += tail_size
            if element.tag not in block_tags:
                parent[3] += inline
                parent[4] += inline if parent[0] else inline_links

    def without(
        self, removed: list[tuple[Element, Element | None]], top: Element
    ) -> _Measure | None:
        """The figures once each ``(element, parent)`` of ``removed`` stands replaced by an
        empty placeholder that keeps its tail (:func:`_set_aside`), in that order: exactly
        what a new pass over ``top`` would give, found by taking each element's figures off
        its ancestors (the sums are linear; a placeholder adds nothing but the same tail).
        ``None`` when that would take more steps than a new pass (many boxes deep down).
        """
        out = object.__new__(_Measure)
        out.sizes = sizes = dict(self.sizes)
        steps = len(sizes) + _WITHOUT_STEPS
        for element, parent in removed:
            # what the element gave its parent, taken off each ancestor in turn
            d_total, d_links, d_inline, d_inline_links = sizes.get(element, _NO_SIZE)
            block = element.tag in _BLOCK_TAGS
            node: Element | None = parent
            while node is not None:
                total, links, inline, inline_links = sizes.get(node, _NO_SIZE)
                is_link = node.tag == "a"
                if is_link:
                    d_links = d_total
                if block:  # a block child gives its parent no inline text
                    d_inline = d_inline_links = 0
                if is_link:
                    d_inline_links = d_inline
                sizes[node] = (
                    total - d_total,
                    links - d_links,
                    inline - d_inline,
                    inline_links - d_inline_links,
                )
                if node is top:
                    break
                steps -= 1
                if steps < 0:
                    return None
                block = node.tag in _BLOCK_TAGS
                node = node.getparent()
        return out

    def body_text(self, element: Element) -> int:
        """Running text of ``element``'s subtree, link text not counted."""
        total, links, _, _ = self.sizes.get(element, _NO_SIZE)
        return total - links

    def prose(self, element: Element) -> int:
        """Running text of ``element``'s own paragraph, link text not counted."""
        _, _, inline, inline_links = self.sizes.get(element, _NO_SIZE)
        return inline - inline_links

    def link_share(self, element: Element) -> float:
        total, links, _, _ = self.sizes.get(element, _NO_SIZE)
        return links / total if total else 0.0


_NO_SIZE: Final = (0, 0, 0, 0)
_WITHOUT_STEPS: Final = 64  # ancestor steps allowed beyond one per element of the page


def _drop(element: Element) -> None:
    """Take ``element`` out of the tree with its content; its tail text stays in place."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is None:
            parent.text = (parent.text or "") + element.tail
        else:
            previous.tail = (previous.tail or "") + element.tail
    parent.remove(element)


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


def _remove_furniture(body: Element, keep: Element | None) -> tuple[Aside, _Measure | None]:
    """Drop page furniture; set aside (see :func:`_set_aside`) what may sit in the article.

    Returns the boxes set aside, and the figures of what is left when they could be had
    without a new pass (``None``: hidden elements were dropped, the figures need one).
    """
    aside: Aside = {}
    # the elements that hold ``keep`` (it and its ancestors): never removed
    holds_keep = set() if keep is None else {keep, *keep.iterancestors()}
    for element in list(body.iter(*_DROP_TAGS)):
        if element.tag in _ASIDE_TAGS and element not in holds_keep:
            _set_aside(element, aside)
        else:
            _drop(element)
    forms = list(body.iter("form"))
    size = _count(body) if forms else 0
    for element in forms:
        # ASP.NET pages wrap the whole page in a <form>: keep a form with the article in it
        if element in holds_keep:
            continue
        if _count(element) < _WRAPPER_SHARE * size:
            _drop(element)
    measure = _Measure(body)
    whole = max(measure.body_text(body), 1)
    dropped = False
    for element in _elements(_xpath(_HIDDEN_XPATH)(body)):
        # hidden from the reader («style="display:none"», «hidden»), unless it is the article
        # itself (a page that reveals its story by script)
        if not _is_hidden(element) or element in holds_keep:
            continue
        if measure.body_text(element) <= _KEEP_SHARE * whole:
            _drop(element)
            dropped = True
    noise = _noise_words()
    removed: list[tuple[Element, Element | None]] = []  # (element set aside, its parent)
    named = _elements(_xpath(_NAMED_XPATH)(body))
    values = [f"{e.get('class') or ''} {e.get('id') or ''}" for e in named]
    # class values repeat all over a page: whether each names furniture, once
    furniture = _furniture_names(values)
    for element, value in zip(named, values, strict=True):
        if not furniture[value] or element.getparent() is None:
            continue
        if _is_caption(element.tag, element.get("class")) or element in holds_keep:
            continue
        if measure.body_text(element) > _KEEP_SHARE * whole:
            tokens = _value_tokens(value)
            if tokens & _content_words() and tokens & noise <= _layout_slots():
                continue  # a wrapper around the article («content-wrap sidebar-right»)
        removed.append((element, element.getparent()))
        _set_aside(element, aside)
    return aside, None if dropped else measure.without(removed, body)


def _container(body: Element, measure: _Measure | None) -> list[Element]:
    """The article container (and prose siblings of it), in document order; ``measure``:
    the figures of ``body`` as it is, if at hand."""
    if measure is None:
        measure = _Measure(body)
    sizes = measure.sizes  # read directly: ``measure.prose`` per element is a call each
    scores: dict[Element, float] = {}
    for element in body.iter(*_BLOCK_TAGS):
        _, _, inline, inline_links = sizes.get(element, _NO_SIZE)
        prose = inline - inline_links
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
            [(f := sizes.get(e, _NO_SIZE))[2] - f[3] for e in sibling.iter(*_BLOCK_TAGS)],
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
        self.visible = 0  # characters of the parts, spaces around them not counted
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
        self.visible += visible
        if self.bold_depth:
            self.bold_chars += visible
        if self.link_depth:
            self.link_chars += visible

    def flush(self) -> None:
        if not self.parts:
            return  # nothing added since the last flush (the counts are 0 too)
        joined = "".join(self.parts)
        visible, bold, links = self.visible, self.bold_chars, self.link_chars
        self.parts, self.visible, self.bold_chars, self.link_chars = [], 0, 0, 0
        if not visible and joined.isspace():
            return
        text = _clean_text(joined)
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
            or (len(text) <= BARE_CHARS and _is_timestamp(text))  # a stamp is short
            or (text[0] in _FURNITURE_STARTS and _FURNITURE_LINE.match(text))
        ):
            # furniture inside the article: kept apart from the body (Article.boilerplate)
            self.blocks.append(Block(text=text, kind="caption", gap_before=True))
            return
        if kind == "line" and (
            (text[0] in _INTERVIEW_STARTS and _INTERVIEW_TURN.match(text))
            or (visible and bold >= visible and text.endswith("؟"))
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
        # what each open element did at its start: _PLAIN, _OPENED a block, or was _SKIPPED
        # (its end adds only its tail); bold and link elements add their flag
        opened: list[int] = []
        add = self.add
        for event, element in walker:
            if event == "end":
                did = opened.pop()
                if did != _SKIPPED:
                    if did & _BOLD:
                        self.bold_depth -= 1
                    elif did & _LINK:
                        self.link_depth -= 1
                    if did & _OPENED:
                        self.flush()
                        if self.kinds:  # a caption <br> closes a block it did not open
                            self.kinds.pop()
                if element is not top and (tail := element.tail):
                    add(tail)
                continue
            tag = element.tag
            if not isinstance(tag, str):
                opened.append(_SKIPPED)
                continue
            if tag == _ASIDE_TAG:
                self.flush()
                opened.append(_SKIPPED)
                if (original := self.aside.get(element)) is not None:
                    self.blocks.extend(_box_blocks(original, self.aside))
                continue
            if (tag == "h1" or tag in _DROP_TAGS) and element is not top:
                self.flush()
                opened.append(_SKIPPED)
                walker.skip_subtree()
                continue
            caption = _is_caption(tag, element.get("class"))
            if tag == "br":
                self.flush()
                # a <br> opens nothing; one with a caption class closes a block at its end
                opened.append(_OPENED if caption else _PLAIN)
                continue
            did = _PLAIN
            if tag in _BLOCK_TAGS or caption:
                self.flush()
                self.kinds.append(_kind(element, self.kinds, caption=caption))
                did = _OPENED
            if tag in _BOLD_TAGS:
                self.bold_depth += 1
                did |= _BOLD
            elif tag == "a":
                self.link_depth += 1
                did |= _LINK
            opened.append(did)
            if text := element.text:
                add(text)
        self.flush()


def _box_blocks(box: Element, aside: Aside) -> list[Block]:
    """The blocks of a box set aside: every line is furniture (a caption block).

    Most boxes are a single element with text and no children (a share link, a tag): its
    text is its one line, as the walk would find it (a ``<br>`` holds no text of its own).
    """
    if len(box) == 0 and box.tag != "br":
        text = box.text
        line = tidy(text) if text and not text.isspace() else ""
        return [Block(text=line, kind="caption", gap_before=True)] if line else []
    # what ``_Walker(furniture=True).walk(box)`` gives, without following kinds, bold or link
    # text: only where lines end matters
    blocks: list[Block] = []
    parts: list[str] = []

    def flush() -> None:
        if parts:
            line = _clean_text("".join(parts))
            parts.clear()
            if line:
                blocks.append(Block(text=line, kind="caption", gap_before=True))

    walker = lxml.etree.iterwalk(box, events=("start", "end"))
    ends_line: list[bool] = []  # per open element: whether its end ends a line
    for event, element in walker:
        if event == "end":
            if ends_line.pop():
                flush()
            if element is not box and (tail := element.tail):
                parts.append(tail)
            continue
        tag = element.tag
        if not isinstance(tag, str):
            ends_line.append(False)
            continue
        if tag == _ASIDE_TAG:
            flush()
            ends_line.append(False)
            if (original := aside.get(element)) is not None:
                blocks.extend(_box_blocks(original, aside))
            continue
        if (tag == "h1" or tag in _DROP_TAGS) and element is not box:
            flush()
            ends_line.append(False)
            walker.skip_subtree()
            continue
        caption = _is_caption(tag, element.get("class"))
        if tag == "br":
            flush()
            ends_line.append(caption)
            continue
        opens = tag in _BLOCK_TAGS or caption
        if opens:
            flush()
        ends_line.append(opens)
        if text := element.text:
            parts.append(text)
    flush()
    return blocks


_PLAIN: Final = 0
_OPENED: Final = 1
_SKIPPED: Final = 2
_BOLD: Final = 4
_LINK: Final = 8


def _kind(element: Element, open_kinds: list[BlockKind], *, caption: bool) -> BlockKind:
    if caption or (open_kinds and open_kinds[-1] == "caption"):
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
_FURNITURE_STARTS: Final = "hw©"  # the first characters it can match


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
    aside, measure = _remove_furniture(body, keep)
    walker = _Walker(match_key(headline) if headline else "", aside)
    for container in _container(body, measure):
        walker.walk(container)
    return walker.blocks
