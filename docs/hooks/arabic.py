"""MkDocs hook: isolate Arabic examples quoted in English prose.

The docs quote Arabic in guillemets: «31 فبراير 2020». Inside an English (left-to-right)
paragraph the Unicode bidi algorithm lays such a run out by its neighbours, so numbers and
punctuation at its edges land on the wrong side («31 2020 فبراير»). Wrapping the quoted
words in ``<bdi dir="rtl" lang="ar">`` makes each example a right-to-left island that
reads as written. Code (``<code>``, ``<pre>``) is left alone: code lines take their
direction from ``unicode-bidi: plaintext`` in ``docs/css/arabic.css``.
"""

from __future__ import annotations

import re
from typing import Any

# «...» holding at least one Arabic letter, no markup and no nested guillemets.
_QUOTED_ARABIC = re.compile(r"«([^«»<>]*?[\u0600-\u06FF\u0750-\u077F][^«»<>]*?)»")
# A tag, or the text between two tags.
_TAG = re.compile(r"(<[^>]*>)")
_VERBATIM = ("code", "pre", "script", "style", "bdi")


def isolate_arabic(html: str) -> str:
    """Wrap «Arabic» runs outside code in ``<bdi dir="rtl" lang="ar">``.

    >>> isolate_arabic("<p>no such day: «31 فبراير 2020»</p>")
    '<p>no such day: «<bdi dir="rtl" lang="ar">31 فبراير 2020</bdi>»</p>'
    >>> isolate_arabic("<code>«31 فبراير 2020»</code>")
    '<code>«31 فبراير 2020»</code>'
    """
    out: list[str] = []
    depth = 0
    for part in _TAG.split(html):
        if part.startswith("<"):
            words = part[1:].lstrip("/").split(maxsplit=1)
            name = words[0].rstrip(">").lower() if words else ""
            if name in _VERBATIM and not part.endswith("/>"):
                depth += -1 if part.startswith("</") else 1
            out.append(part)
        elif depth <= 0 and "«" in part:
            out.append(_QUOTED_ARABIC.sub(r'«<bdi dir="rtl" lang="ar">\1</bdi>»', part))
        else:
            out.append(part)
    return "".join(out)


def on_page_content(html: str, **kwargs: Any) -> str:
    """MkDocs event: rewrite each page's HTML after Markdown rendering."""
    return isolate_arabic(html)
