"""A parsed page as flat lists, one entry per element, read from lxml's tree in one pass.

The metadata reader and the content reader both work on these lists instead of walking
lxml's tree (or running XPaths on it) each in turn: element ``i`` (in document order, the
root first) has its tag, own text, tail, ``class`` and ``id`` values, its parent's index and
the index just past its last descendant (its subtree is ``range(i, ends[i])``). Reading an
attribute of an lxml element costs a Python call each time; here every one is read once.

lxml's element objects stay at hand (``elements``) for the rare reads that need the tree
itself (the text of one ``<h1>``, the attributes of a ``<meta>``).
"""

from __future__ import annotations

from typing import Final, TypeAlias, cast

import lxml.etree

__all__ = ["Element", "Tree", "flatten"]

Element: TypeAlias = lxml.etree._Element


# The attributes whose owners :meth:`Tree.having` gives (no search of the page: a search
# along the attribute axis, unioned over names, is quadratic in libxml2): their owners are
# noted in the one pass (``hidden``/``style``: hidden elements; ``itemprop``/
# ``property``: microdata and RDFa; ``rel``: «rel="author"», canonical links).
_NOTED: Final = ("hidden", "style", "itemprop", "property", "rel")
# Elements whose content is code, not text of the page: their own text is not read.
_CODE_TAGS: Final = frozenset({"script", "style"})


class Tree:
    """The elements of a page in document order, each field a list indexed by element.

    Comments and processing instructions are not in the tree (the parser leaves them out).
    """

    __slots__ = (
        "classes",
        "elements",
        "ends",
        "ids",
        "noted",
        "parents",
        "tags",
        "tails",
        "texts",
    )

    def __init__(self, root: Element) -> None:
        # elements only: the parser keeps no comments or processing instructions, and no
        # other kind of node holds text of the page
        elements: list[Element] = list(root.iter(lxml.etree.Element))
        self.elements = elements
        """The lxml elements themselves."""
        n = len(elements)
        tags: list[str] = [""] * n
        texts: list[str | None] = [None] * n
        tails: list[str | None] = [None] * n
        classes: list[str | None] = [None] * n
        ids: list[str | None] = [None] * n
        noted: dict[str, list[int]] = {name: [] for name in _NOTED}
        parents: list[int] = [-1] * n
        ends: list[int] = [n] * n
        # the open elements and how many children each has still to come: the parents and
        # the ends of subtrees without a call per element to lxml for its parent
        open_: list[int] = []
        left: list[int] = []
        children = 0
        for i in range(n):
            element = elements[i]
            while left and left[-1] == 0:
                ends[open_.pop()] = i
                left.pop()
            if open_:
                parents[i] = open_[-1]
                left[-1] -= 1
            count: int = len(element)
            if count:
                open_.append(i)
                left.append(count)
                children += count
            else:
                ends[i] = i + 1
            tag: str = element.tag
            tags[i] = tag
            if tag not in _CODE_TAGS:
                texts[i] = element.text
            tails[i] = element.tail
            # the names of the attributes, in one call (most elements have none, or no
            # class): the values are read only for the attributes that are there
            names = cast("list[str]", element.keys())
            if not names:
                continue
            if "class" in names:
                classes[i] = element.get("class")
            if "id" in names:
                ids[i] = element.get("id")
            for name in names:
                owners = noted.get(name)
                if owners is not None:
                    owners.append(i)
        if children != n - 1:
            # comments or processing instructions among the children (a tree not from
            # :mod:`arnews.read.html`'s parser): the parents asked of lxml instead
            _link_by_parents(elements, parents, ends)
        self.tags: list[str] = tags
        self.texts: list[str | None] = texts
        """The own text of each element (``None`` for ``script`` and ``style``: code, never
        read as the page's text, and long)."""
        self.tails: list[str | None] = tails
        self.classes: list[str | None] = classes
        self.ids: list[str | None] = ids
        self.noted: dict[str, list[int]] = noted
        """The owners of each attribute of :data:`_NOTED`, in order."""
        self.parents: list[int] = parents
        """The parent's index; ``-1`` for the root."""
        self.ends: list[int] = ends
        """The index just past the element's last descendant."""

    def having(self, *names: str) -> list[int]:
        """The indices of the elements with any of the attributes ``names`` (each one of
        :data:`_NOTED`), in order.

        >>> import lxml.etree
        >>> page = "<div><p style='x'>أ</p><p>ب</p><a rel='author' style='y'>ج</a></div>"
        >>> flatten(lxml.etree.fromstring(page)).having("style", "rel")
        [1, 3]
        """
        owners: set[int] = set()
        for name in names:
            owners.update(self.noted[name])
        return sorted(owners)

    def own_text(self, i: int) -> str | None:
        """Element ``i``'s own text, read from lxml for ``script`` and ``style`` (whose
        ``texts`` entry is ``None``)."""
        return self.elements[i].text if self.tags[i] in _CODE_TAGS else self.texts[i]

    def children(self, i: int) -> list[int]:
        """The indices of element ``i``'s children, in order."""
        out: list[int] = []
        ends = self.ends
        j, end = i + 1, ends[i]
        while j < end:
            out.append(j)
            j = ends[j]
        return out


def _link_by_parents(elements: list[Element], parents: list[int], ends: list[int]) -> None:
    """Fill ``parents`` and ``ends`` from lxml's parent of each element."""
    index: dict[Element | None, int] = {None: -1}
    index.update(zip(elements, range(len(elements)), strict=True))
    for i in range(len(elements)):
        parents[i] = index[elements[i].getparent()]
        ends[i] = i + 1
    # in reverse document order every descendant comes before its ancestors
    for i in range(len(elements) - 1, 0, -1):
        parent = parents[i]
        if ends[i] > ends[parent]:
            ends[parent] = ends[i]


def flatten(root: Element) -> Tree:
    """The :class:`Tree` of a parsed page.

    Args:
        root: the page's root element.

    Returns:
        Its elements as flat lists.

    >>> import lxml.etree
    >>> tree = flatten(lxml.etree.fromstring("<div><p class='x'>نص <b>قوي</b> بعد</p></div>"))
    >>> tree.tags, tree.parents, tree.ends, tree.classes[1], tree.tails[2]
    (['div', 'p', 'b'], [-1, 0, 1], [3, 3, 3], 'x', ' بعد')
    """
    return Tree(root)
