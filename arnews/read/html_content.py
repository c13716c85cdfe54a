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

Everything is read from the page's flat lists (:mod:`arnews.read.html_tree`): furniture is
marked there, not cut out of lxml's tree, and the walks are loops over indices (deep trees
cost no Python recursion).
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
from typing import Final

import regex

from arnews import data
from arnews.read.blocks import Block, BlockKind, make_block
from arnews.read.html_dates import BARE_CHARS, bare_timestamp
from arnews.read.html_tree import Tree
from arnews.read.text import tidy
from arnews.text.fold import match_key

__all__ = ["content_blocks"]

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


# A camelCase joint in a class or id: «mostRead».
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A class token that flags a state: «no-share», «has-sidebar» (its words are not read).
_STATE_TOKEN: Final = re.compile(r"(?:no|has|with|without|is|show|enable|disable)[-_]", re.I)


class _NoiseForms:
    """The furniture words of ``html_noise.txt`` in the forms a class or id value is
    matched against (see :func:`_names_furniture`)."""

    __slots__ = ("heads", "pairs", "singles")

    def __init__(self, words: frozenset[str]) -> None:
        singles: set[str] = set()
        pairs: set[str] = set()
        for word in words:
            if word.startswith("="):
                continue
            parts = word.split("-")
            if len(parts) == 2:
                pairs.add(word)
            elif len(parts) == 1:
                singles.add(word)
        self.singles: frozenset[str] = frozenset(singles)
        """Single words («share», «mostread»)."""
        self.pairs: frozenset[str] = frozenset(pairs)
        """Pairs of words («more-news»)."""
        self.heads: frozenset[str] = frozenset(
            {w[:k] for w in singles for k in range(1, len(w))} | {p.split("-")[0] for p in pairs}
        )
        """What a word may be the first part of: the start of a single word («most» of
        «mostread») or the first word of a pair («more»). Two words are joined and looked
        up only after one of these."""


@functools.cache
def _noise_forms() -> _NoiseForms:
    """The furniture words of ``html_noise.txt``, as :class:`_NoiseForms`."""
    return _NoiseForms(_noise_words())


def _furniture_names(values: list[str]) -> dict[str, bool]:
    """Whether each distinct class/id value («share-box», «sidebar col-md-4») names page
    furniture: the same answer as ``_value_tokens(value) & _noise_words()`` (class values
    repeat all over a page: each distinct one is looked at once).
    """
    distinct = list(dict.fromkeys(values))
    # a whole token that is furniture («print»): looked for value by value only when the
    # page has one
    words = _noise_exact()
    exact = None if words.isdisjoint("\n".join(distinct).lower().split()) else words
    forms = _noise_forms()
    out: dict[str, bool] = {}
    for value in distinct:
        out[value] = _names_furniture(value, exact, forms)
    return out


def _names_furniture(value: str, exact: frozenset[str] | None, forms: _NoiseForms) -> bool:
    """Whether ``value`` holds a whole furniture token (one of ``exact``, when given), or a
    furniture word outside a token that flags a state («no-share»): a word of its own
    («share» in «post-share»), two words that join into one («most_read», «mostRead» for
    «mostread») or a pair («more-news»).

    The value is lower-cased with its camelCase joints made hyphens and cut into tokens (at
    spaces) and words (at hyphens and underscores).
    """
    low = value.lower()
    if exact is not None:
        for token in low.split():
            if token in exact:
                return True
    # no capital letter (most values): no camelCase joint to mark
    tokens = (value if low == value else _CAMEL.sub("-", value).lower()).split()
    singles, pairs, heads = forms.singles, forms.pairs, forms.heads
    originals: list[str] | None = None
    for k in range(len(tokens)):
        previous = ""
        for word in tokens[k].replace("_", "-").split("-"):
            if not word:
                continue  # a run of separators is one joint
            if word in singles or (
                previous in heads and (previous + word in singles or previous + "-" + word in pairs)
            ):
                # the token holding the word, unless it flags a state («no-share»)
                if originals is None:
                    originals = value.split()
                if not _STATE_TOKEN.match(originals[k]):
                    return True
                break
            previous = word
    return False


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


def _caption_class(value: str) -> bool:
    """Whether a ``class`` value holds a caption word («wp-caption-text»)."""
    return not _CAPTION_WORDS.isdisjoint(value.lower().split())


# ---------------------------------------------------------------------------------------------
# The page being read: the flat tree with furniture marked (lxml's tree is never changed)

_LIVE: Final = 0
_DROPPED: Final = 1  # taken out with its content; its tail joined the text before it
_ASIDE: Final = 2  # set aside: an empty placeholder keeping its tail stands in its place


class _Page:
    """The content reader's view of a :class:`Tree`: which elements are furniture, and the
    texts and tails as they stand once dropped elements gave their tails to the text before
    them (exactly what taking them out of lxml's tree would leave)."""

    __slots__ = (
        "before",
        "captions",
        "ends",
        "more_tails",
        "more_texts",
        "parents",
        "state",
        "tags",
        "tails",
        "texts",
        "tree",
    )

    def __init__(self, tree: Tree) -> None:
        self.tree = tree
        self.tags = tree.tags
        self.parents = tree.parents
        self.ends = tree.ends
        self.texts = list(tree.texts)
        self.tails = list(tree.tails)
        self.state = [_LIVE] * len(tree.tags)
        self.before = [-1] * len(tree.tags)
        """Per dropped element: the sibling before it when it was dropped (``-1``: none)."""
        self.captions: dict[str, bool] = {}
        """Whether each ``class`` value met so far holds a caption word (values repeat)."""
        self.more_texts: dict[int, list[str]] = {}
        self.more_tails: dict[int, list[str]] = {}
        """Tails of dropped elements still to be joined to an element's text or tail
        (:meth:`settle`): joined one by one, 80 000 hidden siblings would copy the growing
        text 80 000 times."""

    def is_caption(self, i: int) -> bool:
        """Whether element ``i`` is a caption: by its tag, or a caption word in its class."""
        if self.tags[i] in _CAPTION_TAGS:
            return True
        value = self.tree.classes[i]
        if value is None:
            return False
        known = self.captions.get(value)
        if known is None:
            known = self.captions[value] = _caption_class(value)
        return known

    def live(self, top: int) -> list[int]:
        """The elements of ``top``'s subtree still in the page, in document order: neither
        dropped nor inside a box set aside; a box set aside is in it (as its placeholder)."""
        out: list[int] = []
        state, ends = self.state, self.ends
        i, end = top, ends[top]
        while i < end:
            kept = state[i]
            if kept == _LIVE:
                out.append(i)
                i += 1
            else:
                if kept == _ASIDE:
                    out.append(i)
                i = ends[i]
        return out

    def _previous(self, i: int) -> int:
        """The sibling before element ``i`` still in the page, or ``-1``."""
        parents, state, before = self.parents, self.state, self.before
        parent = parents[i]
        j = i - 1
        if j == parent:
            return -1
        while parents[j] != parent:  # climb from the last node before to the sibling
            j = parents[j]
        # a dropped sibling points at the one before it (a run of dropped siblings is
        # crossed in a step or two, not one sibling at a time)
        while j >= 0 and state[j] == _DROPPED:
            j = before[j]
        return j

    def drop(self, i: int) -> None:
        """Take element ``i`` out with its content; its tail stays in place (it joins the
        tail of the sibling before it, or the parent's own text)."""
        parent = self.parents[i]
        if parent < 0:
            return
        before = self.before[i] = self._previous(i)
        tail, more = self.tails[i], self.more_tails.pop(i, None)
        if tail or more:
            store, at = (self.more_texts, parent) if before < 0 else (self.more_tails, before)
            pieces = store.get(at)
            if pieces is None:
                pieces = store[at] = []
            if tail:
                pieces.append(tail)
            if more:
                pieces.extend(more)
        self.state[i] = _DROPPED

    def settle(self) -> None:
        """Join the tails that dropped elements gave away to the texts and tails they went
        to: ``texts`` and ``tails`` read as if the elements had been taken out of the tree."""
        for more, values in ((self.more_texts, self.texts), (self.more_tails, self.tails)):
            for at, pieces in more.items():
                values[at] = (values[at] or "") + "".join(pieces)
            more.clear()

    def set_aside(self, i: int) -> None:
        """Replace element ``i`` by an empty placeholder that keeps its tail: it no longer
        counts as the page's text, but a walk that meets it inside the article reports its
        text as furniture."""
        if self.parents[i] >= 0:
            self.state[i] = _ASIDE

    def has_children(self, i: int) -> bool:
        """Whether element ``i`` still holds an element (a placeholder counts)."""
        ends, state = self.ends, self.state
        j, end = i + 1, ends[i]
        while j < end:
            if state[j] != _DROPPED:
                return True
            j = ends[j]
        return False


def _pass_up(
    losses: dict[int, list[int]],
    order: list[int],
    parent: int,
    tags: list[str],
    block: bool,
    total: int,
    links: int,
    inline: int,
    inline_links: int,
) -> None:
    """Note what ``parent`` loses when a child (a ``block`` element or not) loses these
    figures, for :meth:`_Sizes.set_aside` (``order``: the heap of parents to change)."""
    parent_link = tags[parent] == "a"  # what reaches a link is all link text
    loss = losses.get(parent)
    if loss is None:
        loss = losses[parent] = [0, 0, 0, 0]
        heapq.heappush(order, -parent)
    loss[0] = loss[0] + total
    loss[1] = loss[1] + (total if parent_link else links)
    if not block:  # an inline child's text was its parent's inline text
        loss[2] = loss[2] + inline
        loss[3] = loss[3] + (inline if parent_link else inline_links)


class _Sizes:
    """Per element of a subtree: running text of its whole subtree (``total``), the link
    text in it (``links``), running text of its own paragraph (``inline``: its text and the
    text of inline children, up to the first block) and the link text in that.

    One pass over the subtree's elements in reverse document order (an element's descendants
    come before it): each one's sums are final when it is reached, and added to its parent's.
    Elements outside the subtree have zeros.

    (``sums[i] = sums[i] + n``, not ``sums[i] += n``: compiled, the first is int arithmetic,
    the second a generic in-place addition.)
    """

    __slots__ = ("inline", "inline_links", "links", "total")

    def __init__(self, page: _Page, top: int, order: list[int]) -> None:
        page.settle()
        n = len(page.tags)
        tags, texts, tails, parents, state = (
            page.tags,
            page.texts,
            page.tails,
            page.parents,
            page.state,
        )
        total, links, inline, inline_links = [0] * n, [0] * n, [0] * n, [0] * n
        for i in order:
            # a placeholder holds no text; what else it has adds nothing either
            if (text := texts[i]) and state[i] == _LIVE:
                own = len(text.strip())
                total[i] = inline[i] = own
                if tags[i] == "a":
                    links[i] = inline_links[i] = own
        block_tags = _BLOCK_TAGS
        for i in reversed(order):
            is_link = tags[i] == "a" and state[i] == _LIVE
            if is_link:
                inline_links[i] = inline[i]
            if i == top:
                break
            parent = parents[i]
            tail = tails[i]
            tail_size = len(tail.strip()) if tail else 0
            parent_link = tags[parent] == "a"
            total[parent] = total[parent] + total[i] + tail_size
            links[parent] = links[parent] + (total[i] if parent_link else links[i])
            inline[parent] = inline[parent] + tail_size
            if tags[i] not in block_tags or state[i] != _LIVE:
                inline[parent] = inline[parent] + inline[i]
                inline_links[parent] = inline_links[parent] + (
                    inline[i] if parent_link else inline_links[i]
                )
        self.total, self.links, self.inline, self.inline_links = (
            total,
            links,
            inline,
            inline_links,
        )

    def set_aside(self, page: _Page, top: int, boxes: list[int]) -> None:
        """The figures once the elements ``boxes`` (in document order, inside ``top``'s
        subtree, live when measured) are set aside: what measuring the page again would give.

        Each outermost box loses its figures (and its subtree), and its ancestors up to
        ``top`` what it gave them; the changes go up the tree once, the deepest element
        first (boxes that share ancestors cost a step each, not a climb each).
        """
        tags, parents, ends, block_tags = page.tags, page.parents, page.ends, _BLOCK_TAGS
        total, links, inline, inline_links = self.total, self.links, self.inline, self.inline_links
        # per element still to be changed: what its total, links, inline and inline links
        # lose; a heap of their indices, negated (the deepest first)
        losses: dict[int, list[int]] = {}
        order: list[int] = []
        end = -1
        for box in boxes:
            if box < end:
                continue  # inside a box set aside already
            end = ends[box]
            gone_total, gone_links = total[box], links[box]
            gone_inline, gone_inline_links = inline[box], inline_links[box]
            for i in range(box, end):
                total[i] = links[i] = inline[i] = inline_links[i] = 0
            # (a box in a paragraph takes its text out of it)
            _pass_up(
                losses,
                order,
                parents[box],
                tags,
                tags[box] in block_tags,
                gone_total,
                gone_links,
                gone_inline,
                gone_inline_links,
            )
        while order:
            i = -heapq.heappop(order)
            # (a link's inline links stay its inline text: what reaches it is all link text)
            gone_total, gone_links, gone_inline, gone_inline_links = losses.pop(i)
            total[i] = total[i] - gone_total
            links[i] = links[i] - gone_links
            inline[i] = inline[i] - gone_inline
            inline_links[i] = inline_links[i] - gone_inline_links
            if i == top:
                continue
            _pass_up(
                losses,
                order,
                parents[i],
                tags,
                tags[i] in block_tags,
                gone_total,
                gone_links,
                gone_inline,
                gone_inline_links,
            )

    def body_text(self, i: int) -> int:
        """Running text of element ``i``'s subtree, link text not counted."""
        return self.total[i] - self.links[i]

    def prose(self, i: int) -> int:
        """Running text of element ``i``'s own paragraph, link text not counted."""
        return self.inline[i] - self.inline_links[i]

    def link_share(self, i: int) -> float:
        """The share of link text in element ``i``'s subtree."""
        total = self.total[i]
        return self.links[i] / total if total else 0.0


def _is_hidden(tree: Tree, i: int) -> bool:
    if tree.get(i, "hidden") is not None:
        return True
    return _HIDDEN_STYLE.search(tree.get(i, "style") or "") is not None


def _remove_furniture(page: _Page, body: int, keep: int | None) -> _Sizes:
    """Drop page furniture; set aside (see :meth:`_Page.set_aside`) what may sit in the
    article. Returns the figures of what is left."""
    tags, classes, ids, state = page.tags, page.tree.classes, page.tree.ids, page.state
    # the elements that hold ``keep`` (it and its ancestors): never removed
    holds_keep: set[int] = set()
    while keep is not None and keep >= 0:
        holds_keep.add(keep)
        keep = page.parents[keep]
    drop_tags = _DROP_TAGS
    for i in [i for i in range(body, page.ends[body]) if tags[i] in drop_tags]:
        if tags[i] in _ASIDE_TAGS and i not in holds_keep:
            page.set_aside(i)
        else:
            page.drop(i)
    alive = page.live(body)
    forms = [i for i in alive if tags[i] == "form" and state[i] == _LIVE]
    if forms:
        # ASP.NET pages wrap the whole page in a <form>: keep a form with the article in it
        size = len(alive)
        for i in forms:
            if i not in holds_keep and len(page.live(i)) < _WRAPPER_SHARE * size:
                page.drop(i)
        alive = page.live(body)
    sizes = _Sizes(page, body, alive)
    whole = max(sizes.body_text(body), 1)
    dropped = False  # whether anything was dropped since the figures were found
    # the elements below the body that may be hidden («hidden», «style»)
    end = page.ends[body]
    hidden = [i for i in page.tree.having("hidden", "style") if body < i < end]
    if hidden:
        in_page = {i for i in alive if state[i] == _LIVE}
        for i in hidden:
            # hidden from the reader («style="display:none"», «hidden»), unless it is the
            # article itself (a page that reveals its story by script)
            if i not in in_page or i in holds_keep or not _is_hidden(page.tree, i):
                continue
            if sizes.body_text(i) <= _KEEP_SHARE * whole:
                page.drop(i)
                dropped = True
        if dropped:
            alive = page.live(body)
    noise = _noise_words()
    named = [
        i for i in alive[1:] if state[i] == _LIVE and (classes[i] is not None or ids[i] is not None)
    ]
    values = [f"{classes[i] or ''} {ids[i] or ''}" for i in named]
    # class values repeat all over a page: whether each names furniture, once
    furniture = _furniture_names(values)
    boxes: list[int] = []  # the elements set aside here, in order
    for i, value in zip(named, values, strict=True):
        if not furniture[value]:
            continue
        if page.is_caption(i) or i in holds_keep:
            continue
        if sizes.body_text(i) > _KEEP_SHARE * whole:
            tokens = _value_tokens(value)
            if tokens & _content_words() and tokens & noise <= _layout_slots():
                continue  # a wrapper around the article («content-wrap sidebar-right»)
        page.set_aside(i)
        boxes.append(i)
    if dropped:
        return _Sizes(page, body, page.live(body))
    sizes.set_aside(page, body, boxes)
    return sizes


def _container(page: _Page, body: int, sizes: _Sizes) -> list[int]:
    """The article container (and prose siblings of it), in document order."""
    tags, parents, state = page.tags, page.parents, page.state
    inline, inline_links = sizes.inline, sizes.inline_links
    block_tags = _BLOCK_TAGS
    scores: dict[int, float] = {}
    for i in page.live(body):
        if tags[i] not in block_tags or state[i] != _LIVE:
            continue
        prose = inline[i] - inline_links[i]
        if prose < _UNIT_MIN:
            continue
        parent = parents[i]
        if parent < 0:
            continue
        scores[parent] = scores.get(parent, 0.0) + prose
        grand = parents[parent]
        if grand >= 0:
            scores[grand] = scores.get(grand, 0.0) + prose / 2
    if not scores:
        return [body]
    # the first of the best scores (what ``max`` gives)
    best, best_score = -1, 0.0
    for i, score in scores.items():
        weighted = score * (1 - sizes.link_share(i))
        if best < 0 or weighted > best_score:
            best, best_score = i, weighted
    parent = parents[best]
    if parent < 0 or best == body:
        return [best]
    threshold = max(_SIBLING_SHARE * scores[best], _UNIT_MIN)
    chosen: list[int] = []
    for sibling in page.tree.children(parent):
        if sibling == best:
            chosen.append(sibling)
            continue
        # a placeholder holds no prose
        if state[sibling] != _LIVE or sizes.link_share(sibling) > 0.3:
            continue
        prose = max(
            [
                inline[i] - inline_links[i]
                for i in page.live(sibling)
                if tags[i] in block_tags and state[i] == _LIVE
            ],
            default=sizes.prose(sibling),
        )
        if scores.get(sibling, 0.0) >= threshold or prose >= _SIBLING_PROSE:
            chosen.append(sibling)
    return chosen


class _Walker:
    """Turns a container into blocks, one line of text at a time."""

    def __init__(self, page: _Page, headline_key: str) -> None:
        self.page = page
        self.blocks: list[Block] = []
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
        text = tidy(joined)
        if not text:
            return
        kind: BlockKind = self.kinds[-1] if self.kinds else "line"
        if kind == "caption":
            self.blocks.append(make_block(text, "caption", True))
            return
        if not self.body_lines and self.headline_key and match_key(text) == self.headline_key:
            return  # the headline repeated at the top of the body
        if (
            (visible and links / visible > _LINK_DENSE)  # an in-body teaser or a menu line
            or (len(text) <= BARE_CHARS and _is_timestamp(text))  # a stamp is short
            or (text[0] in _FURNITURE_STARTS and _FURNITURE_LINE.match(text))
        ):
            # furniture inside the article: kept apart from the body (Article.boilerplate)
            self.blocks.append(make_block(text, "caption", True))
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
        self.blocks.append(make_block(text, kind, True))

    def walk(self, top: int) -> None:
        """Add the blocks of element ``top``'s subtree, in document order."""
        page = self.page
        tags, texts, tails = page.tags, page.texts, page.tails
        state, ends = page.state, page.ends
        # the open elements: (where each one's subtree ends, its index, what it did at its
        # start: _PLAIN, _OPENED a block, or was _SKIPPED (its end adds only its tail); bold
        # and link elements add their flag)
        opened: list[tuple[int, int, int]] = []
        i, end = top, ends[top]
        while True:
            # the ends of the elements whose subtree is over
            while opened and (i >= end or opened[-1][0] <= i):
                _, closed, did = opened.pop()
                if did != _SKIPPED:
                    if did & _BOLD:
                        self.bold_depth -= 1
                    elif did & _LINK:
                        self.link_depth -= 1
                    if did & _OPENED:
                        self.flush()
                        if self.kinds:  # a caption <br> closes a block it did not open
                            self.kinds.pop()
                if closed != top and (tail := tails[closed]):
                    self.add(tail)
            if i >= end:
                break
            kept = state[i]
            if kept == _DROPPED:
                i = ends[i]
                continue
            tag = tags[i]
            if kept == _ASIDE:
                self.flush()
                opened.append((ends[i], i, _SKIPPED))
                self.blocks.extend(_box_blocks(page, i))
                i = ends[i]
                continue
            if (tag == "h1" or tag in _DROP_TAGS) and i != top:
                self.flush()
                opened.append((ends[i], i, _SKIPPED))
                i = ends[i]
                continue
            caption = page.is_caption(i)
            if tag == "br":
                self.flush()
                # a <br> opens nothing; one with a caption class closes a block at its end
                opened.append((ends[i], i, _OPENED if caption else _PLAIN))
                i += 1
                continue
            did = _PLAIN
            if tag in _BLOCK_TAGS or caption:
                self.flush()
                self.kinds.append(_kind(tag, self.kinds, caption=caption))
                did = _OPENED
            if tag in _BOLD_TAGS:
                self.bold_depth += 1
                did |= _BOLD
            elif tag == "a":
                self.link_depth += 1
                did |= _LINK
            opened.append((ends[i], i, did))
            if text := texts[i]:
                self.add(text)
            i += 1
        self.flush()


def _box_blocks(page: _Page, box: int) -> list[Block]:
    """The blocks of a box set aside: every line is furniture (a caption block).

    Most boxes are a single element with text and no children (a share link, a tag): its
    text is its one line (a ``<br>`` holds no text of its own). Otherwise the box is walked
    like the article, following only where lines end (no kinds, bold or link text).
    """
    tags, texts, tails = page.tags, page.texts, page.tails
    state, ends = page.state, page.ends
    if tags[box] != "br" and not page.has_children(box):
        text = texts[box]
        line = tidy(text) if text and not text.isspace() else ""
        return [make_block(line, "caption", True)] if line else []
    blocks: list[Block] = []
    parts: list[str] = []
    # the open elements: (where each one's subtree ends, its index, whether its end ends a
    # line)
    opened: list[tuple[int, int, bool]] = []
    i, end = box, ends[box]
    while True:
        while opened and (i >= end or opened[-1][0] <= i):
            _, closed, ends_line = opened.pop()
            if ends_line:
                _flush_box(parts, blocks)
            if closed != box and (tail := tails[closed]):
                parts.append(tail)
        if i >= end:
            break
        kept = state[i]
        if kept == _DROPPED:
            i = ends[i]
            continue
        tag = tags[i]
        if kept == _ASIDE and i != box:
            _flush_box(parts, blocks)
            opened.append((ends[i], i, False))
            blocks.extend(_box_blocks(page, i))
            i = ends[i]
            continue
        if (tag == "h1" or tag in _DROP_TAGS) and i != box:
            _flush_box(parts, blocks)
            opened.append((ends[i], i, False))
            i = ends[i]
            continue
        caption = page.is_caption(i)
        if tag == "br":
            _flush_box(parts, blocks)
            opened.append((ends[i], i, caption))
            i += 1
            continue
        opens = tag in _BLOCK_TAGS or caption
        if opens:
            _flush_box(parts, blocks)
        opened.append((ends[i], i, opens))
        if text := texts[i]:
            parts.append(text)
        i += 1
    _flush_box(parts, blocks)
    return blocks


def _flush_box(parts: list[str], blocks: list[Block]) -> None:
    """End the line of a box set aside: its parts become a caption block (when not blank)."""
    if parts:
        line = tidy("".join(parts))
        parts.clear()
        if line:
            blocks.append(make_block(line, "caption", True))


_PLAIN: Final = 0
_OPENED: Final = 1
_SKIPPED: Final = 2
_BOLD: Final = 4
_LINK: Final = 8


def _kind(tag: str, open_kinds: list[BlockKind], *, caption: bool) -> BlockKind:
    if caption or (open_kinds and open_kinds[-1] == "caption"):
        return "caption"
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


def content_blocks(tree: Tree, *, headline: str | None, keep: int | None) -> list[Block]:
    """The article's blocks from a parsed page.

    Args:
        tree: the parsed page, flat (:class:`arnews.read.html_tree.Tree`).
        headline: the headline chosen from the metadata (left out of the body).
        keep: the index of an element inside the article that furniture removal must not
            take away.

    Returns:
        The body blocks, in order (no headline block).
    """
    body = next((i for i in tree.children(0) if tree.tags[i] == "body"), 0)
    page = _Page(tree)
    sizes = _remove_furniture(page, body, keep)
    walker = _Walker(page, match_key(headline) if headline else "")
    for container in _container(page, body, sizes):
        walker.walk(container)
    return walker.blocks
