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

from typing import Final, TypeAlias

import lxml.etree

__all__ = ["Element", "Tree", "flatten"]

Element: TypeAlias = lxml.etree._Element


# The attributes whose owners :meth:`Tree.having` gives (no search of the page: a search
# along the attribute axis, unioned over names, is quadratic in libxml2): their owners are
# noted in the one pass (``hidden``/``style``: hidden elements; ``itemprop``/
# ``property``: microdata and RDFa; ``rel``: «rel="author"», canonical links).
_NOTED: Final = ("hidden", "style", "itemprop", "property", "rel")


class Tree:
    """The elements of a page in document order, each field a list indexed by element.

    Comments and processing instructions are not in the tree (the parser leaves them out).
    """

    __slots__ = (
        "classes",
        "elements",
        "ends",
        "ids",
        "index",
        "noted",
        "parents",
        "tags",
        "tails",
        "texts",
    )

    def __init__(self, root: Element) -> None:
        # elements only: the parser keeps no comments or processing instructions, and no
        # other kind of node holds text of the page
        elements = list(root.iter(lxml.etree.Element))
        self.elements = elements
        """The lxml elements themselves."""
        self.index: dict[Element | None, int] = {None: -1}
        """Element → its index (``None`` → ``-1``, the root's parent)."""
        self.index.update(zip(elements, range(len(elements)), strict=True))
        self.tags: list[str] = [e.tag for e in elements]
        self.texts: list[str | None] = [e.text for e in elements]
        self.tails: list[str | None] = [e.tail for e in elements]
        # the names of each element's attributes, in one call (most elements have none, or
        # no class): the values are read only for the attributes that are there
        n = len(elements)
        classes: list[str | None] = [None] * n
        ids: list[str | None] = [None] * n
        noted: dict[str, list[int]] = {name: [] for name in _NOTED}
        for i in range(n):
            names = elements[i].keys()
            if not names:
                continue
            if "class" in names:
                classes[i] = elements[i].get("class")
            if "id" in names:
                ids[i] = elements[i].get("id")
            for name in names:
                if name in noted:
                    noted[name].append(i)
        self.classes: list[str | None] = classes
        self.ids: list[str | None] = ids
        self.noted: dict[str, list[int]] = noted
        """The owners of each attribute of :data:`_NOTED`, in order."""
        index = self.index
        self.parents: list[int] = [index[e.getparent()] for e in elements]
        """The parent's index; ``-1`` for the root."""
        ends = list(range(1, len(elements) + 1))
        # in reverse document order every descendant comes before its ancestors
        for i in range(len(elements) - 1, 0, -1):
            parent = self.parents[i]
            if ends[i] > ends[parent]:
                ends[parent] = ends[i]
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

    def children(self, i: int) -> list[int]:
        """The indices of element ``i``'s children, in order."""
        out: list[int] = []
        ends = self.ends
        j, end = i + 1, ends[i]
        while j < end:
            out.append(j)
            j = ends[j]
        return out


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
