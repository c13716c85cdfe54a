"""A parsed page as flat lists, one entry per element, built while lxml parses it.

The metadata reader and the content reader both work on these lists instead of walking
lxml's tree (or running XPaths on it) each in turn: element ``i`` (in document order, the
root first) has its tag, own text, tail, attributes, ``class`` and ``id`` values, its
parent's index and the index just past its last descendant (its subtree is
``range(i, ends[i])``).

No lxml tree is built: the parser hands its events (an element starts, text, an element ends)
to a :class:`TreeBuilder`, which fills the lists as they come. Reading the same from a built
tree costs a Python call for each tag, text, tail and attribute name of each element, and the
tree must then be freed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Final, cast

__all__ = ["Tree", "TreeBuilder"]


# The attributes whose owners :meth:`Tree.having` gives (no search of the page): their owners
# are noted as the page is parsed (``hidden``/``style``: hidden elements; ``itemprop``/
# ``property``: microdata and RDFa; ``rel``: «rel="author"», canonical links).
_NOTED: Final = ("hidden", "style", "itemprop", "property", "rel")
# Elements whose attributes are kept (besides ``class``, ``id`` and those of :data:`_NOTED`):
# the metadata reader reads them («<meta property=... content=...>», «<link rel=canonical>»,
# «<script type="application/ld+json">»).
_KEPT_TAGS: Final = frozenset({"meta", "link", "script"})
# Elements whose content is code, not text of the page: their own text is kept apart.
_CODE_TAGS: Final = frozenset({"script", "style"})
# Where the text the parser hands over goes (:class:`TreeBuilder`).
_NOWHERE: Final = 0
_TEXT: Final = 1
_TAIL: Final = 2
# How deep libxml2 nests the elements of a tree it builds (without ``huge_tree``): it stops
# at an element that would be the 257th open one. Its events have no such limit: the builder
# keeps it, so that a page reads the same as from lxml's tree.
_MAX_OPEN: Final = 256


class Tree:
    """The elements of a page in document order, each field a list indexed by element.

    Comments and processing instructions are not in the tree (the parser leaves them out).
    """

    __slots__ = (
        "attributes",
        "classes",
        "code",
        "ends",
        "ids",
        "noted",
        "parents",
        "tags",
        "tails",
        "texts",
    )

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.texts: list[str | None] = []
        """The own text of each element (``None`` for ``script`` and ``style``: code, never
        read as the page's text, and long; see :meth:`own_text`)."""
        self.tails: list[str | None] = []
        self.attributes: list[dict[str, str] | None] = []
        """The attributes of the elements whose attributes are read (``meta``, ``link`` and
        ``script`` elements, and the owners of the attributes of :data:`_NOTED`); ``None``
        for the others (and for elements without any)."""
        self.classes: list[str | None] = []
        self.ids: list[str | None] = []
        self.noted: dict[str, list[int]] = {name: [] for name in _NOTED}
        """The owners of each attribute of :data:`_NOTED`, in order."""
        self.parents: list[int] = []
        """The parent's index; ``-1`` for the root."""
        self.ends: list[int] = []
        """The index just past the element's last descendant."""
        self.code: dict[int, str] = {}
        """The own text of the ``script`` and ``style`` elements that have one."""

    def get(self, i: int, name: str) -> str | None:
        """The value of element ``i``'s attribute ``name`` (``None``: it has none), for the
        elements whose attributes are kept (see :attr:`attributes`).

        >>> tree = TreeBuilder.parse("<p><a rel='author' href='/x'>أ</a></p>")
        >>> tree.get(3, "rel"), tree.get(3, "title")
        ('author', None)
        """
        attributes = self.attributes[i]
        return None if attributes is None else attributes.get(name)

    def having(self, *names: str) -> list[int]:
        """The indices of the elements with any of the attributes ``names`` (each one of
        :data:`_NOTED`), in order.

        >>> page = "<div><p style='x'>أ</p><p>ب</p><a rel='author' style='y'>ج</a></div>"
        >>> TreeBuilder.parse(page).having("style", "rel")
        [3, 5]
        """
        owners: set[int] = set()
        for name in names:
            owners.update(self.noted[name])
        return sorted(owners)

    def own_text(self, i: int) -> str | None:
        """Element ``i``'s own text, ``script`` and ``style`` included."""
        return self.code.get(i) if self.tags[i] in _CODE_TAGS else self.texts[i]

    def text(self, i: int) -> str:
        """All the text in element ``i``'s subtree, in document order, the pieces (own
        texts, code included, and the tails inside it) joined by spaces: what lxml's
        ``" ".join(element.itertext())`` gives.

        >>> TreeBuilder.parse("<div>أ<b>ب</b>ج<i>د</i></div>").text(2)
        'أ ب ج د'
        """
        tags, texts, tails, ends, code = self.tags, self.texts, self.tails, self.ends, self.code
        pieces: list[str] = []
        pending: list[int] = []  # the open elements below ``i``, whose tails are still to come
        for j in range(i, ends[i]):
            while pending and ends[pending[-1]] <= j:
                tail = tails[pending.pop()]
                if tail:
                    pieces.append(tail)
            own = code.get(j) if tags[j] in _CODE_TAGS else texts[j]
            if own:
                pieces.append(own)
            if j != i:
                pending.append(j)
        while pending:
            tail = tails[pending.pop()]
            if tail:
                pieces.append(tail)
        return " ".join(pieces)

    def children(self, i: int) -> list[int]:
        """The indices of element ``i``'s children, in order."""
        out: list[int] = []
        ends = self.ends
        j, end = i + 1, ends[i]
        while j < end:
            out.append(j)
            j = ends[j]
        return out


class TreeBuilder:
    """A parser target (``lxml.etree.HTMLParser(target=...)``) that builds a :class:`Tree`.

    Only the first root element is kept (what lxml's tree gives as the root): anything the
    parser reports after it closes is left out, as lxml leaves it out of the root's tree.

    lxml takes each handler from the target as it is: they are the builder's own methods
    (``start`` through :class:`_Start`), none of them with a reference back to this object
    (a cycle would keep every page's lists alive until the garbage collector runs).
    """

    __slots__ = (
        *("_builder", "close", "data", "end", "start"),
        *("comment", "doctype", "end_ns", "pi", "start_ns"),
    )

    def __init__(self) -> None:
        builder = _Builder()
        self._builder = builder
        self.start = _Start(builder)
        """An element starts."""
        self.end: Callable[[str], None] = builder.end
        """An element ends."""
        self.data: Callable[[str], None] = builder.data
        """Text."""
        self.close: Callable[[], Tree] = builder.close
        """The page is over: the tree built."""
        # the events not wanted: lxml asks the target for each of them at every parse, and
        # an attribute that is ``None`` answers faster than a missing one (an exception)
        self.comment: None = None
        self.doctype: None = None
        self.end_ns: None = None
        self.pi: None = None
        self.start_ns: None = None

    @property
    def too_deep(self) -> bool:
        """Whether the page nests elements deeper than libxml2 builds trees (the tree ends
        there, as lxml's would)."""
        return self._builder.too_deep

    @staticmethod
    def parse(page: str) -> Tree:
        """The :class:`Tree` of ``page`` (parsed with lxml's HTML parser, comments out).

        >>> tree = TreeBuilder.parse("<div><p class='x'>نص <b>قوي</b> بعد</p></div>")
        >>> tree.tags, tree.parents, tree.ends, tree.classes[3], tree.tails[4]
        (['html', 'body', 'div', 'p', 'b'], [-1, 0, 1, 2, 3], [5, 5, 5, 5, 5], 'x', ' بعد')
        """
        import lxml.etree

        parser = lxml.etree.HTMLParser(
            target=cast("Any", TreeBuilder()),
            no_network=True,
            remove_comments=True,
            remove_pis=True,
        )
        tree = cast(Tree, lxml.etree.fromstring(page, parser))
        return tree


class _Builder:
    """The lists of a :class:`Tree` filled event by event (see :class:`TreeBuilder`)."""

    __slots__ = ("_at", "_done", "_into", "_open", "_pieces", "too_deep", "tree")
    __deletable__ = ("tree",)  # compiled, an attribute must be declared deletable (see close)

    def __init__(self) -> None:
        self.tree = Tree()
        self._open: list[int] = []
        """The open elements, innermost last."""
        self._pieces: list[str] = []
        """The pieces of the text being read (the parser may hand one text over in many
        pieces: joined once it is whole, never piece by piece)."""
        self._into = _NOWHERE
        """Where the text being read goes: an element's own text, its tail, or nowhere."""
        self._at = -1
        """The element it goes to."""
        self._done = False
        self.too_deep = False

    def _store(self) -> None:
        """Put the text read so far where it goes."""
        pieces = self._pieces
        text = pieces[0] if len(pieces) == 1 else "".join(pieces)
        pieces.clear()
        tree, at, into = self.tree, self._at, self._into
        if into == _TAIL:
            tree.tails[at] = text
        elif into == _TEXT:
            if tree.tags[at] in _CODE_TAGS:
                tree.code[at] = text
            else:
                tree.texts[at] = text

    def element(self, tag: str, attrib: Mapping[str, str]) -> None:
        """An element starts."""
        if self._done:
            return
        if self._pieces:
            self._store()
        tree = self.tree
        i = len(tree.tags)
        open_ = self._open
        if len(open_) >= _MAX_OPEN:
            self.too_deep = self._done = True
            self._into = _NOWHERE
            return
        tree.tags.append(tag)
        tree.texts.append(None)
        tree.tails.append(None)
        tree.parents.append(open_[-1] if open_ else -1)
        tree.ends.append(0)  # known at its end
        open_.append(i)
        self._into, self._at = _TEXT, i
        # lxml gives a dict when there are attributes, an empty mapping when there are none
        if isinstance(attrib, dict):
            attributes: dict[str, str] = attrib
        elif attrib:
            attributes = dict(attrib)
        else:
            tree.attributes.append(None)
            tree.classes.append(None)
            tree.ids.append(None)
            return
        tree.classes.append(attributes.get("class"))
        tree.ids.append(attributes.get("id"))
        kept = tag in _KEPT_TAGS
        noted = tree.noted
        for name in attributes:
            owners = noted.get(name)
            if owners is not None:
                owners.append(i)
                kept = True
        # the others are let go at once: a dict kept for every element would make the
        # garbage collector run several times as often
        tree.attributes.append(attributes if kept else None)

    def end(self, tag: str) -> None:
        """An element ends (the innermost open one)."""
        if self._done:
            return
        if self._pieces:
            self._store()
        open_ = self._open
        i = open_.pop()
        self.tree.ends[i] = len(self.tree.tags)
        if open_:
            self._into, self._at = _TAIL, i
        else:
            self._into, self._done = _NOWHERE, True

    def data(self, text: str) -> None:
        """Text: the innermost open element's own text, or the tail of the element that
        ended last in it."""
        if self._into != _NOWHERE:
            self._pieces.append(text)

    def close(self) -> Tree:
        """The tree built."""
        if self._pieces:
            self._store()
        tree = self.tree
        for i in self._open:  # left open (where the parser stopped)
            tree.ends[i] = len(tree.tags)
        self._open.clear()
        # lxml's parser and its target context hold each other: the builder lives on until
        # the garbage collector runs, the tree must not (the collector would have to look
        # at every page's lists, and do so more often)
        del self.tree
        return tree


class _Start:
    """The builder's ``start`` handler, as lxml calls it: ``start(tag, attrib)``.

    lxml asks :func:`inspect.getfullargspec` about a target's ``start`` at every parse (to
    know whether it takes a namespace map too). For a compiled method inspect parses its text
    signature with Python's tokenizer and compiler, ~200 µs each time; for this object it
    gives up at once (its ``__signature__`` is no signature), and lxml calls it with the tag
    and the attributes, as it does any ``start`` it cannot inspect.
    """

    __slots__ = ("builder",)

    def __init__(self, builder: _Builder) -> None:
        self.builder = builder

    @property
    def __signature__(self) -> str:
        """Not an :class:`inspect.Signature` (see the class)."""
        return "start(tag, attrib)"

    def __call__(self, tag: str, attrib: Mapping[str, str]) -> None:
        self.builder.element(tag, attrib)
