"""MkDocs hook: isolate Arabic examples quoted in English prose.

Two rewrites of the rendered HTML, nothing else:

1. The docs quote Arabic in guillemets: «31 فبراير 2020». Inside an English (left-to-right)
paragraph the Unicode bidi algorithm lays such a run out by its neighbours, so numbers and
punctuation at its edges land on the wrong side («31 2020 فبراير»). Wrapping the quoted
words in ``<bdi dir="rtl" lang="ar">`` makes each example a right-to-left island that
reads as written. Code (``<code>``, ``<pre>``) is left alone here.

2. In Python examples, lines stay left-to-right (``docs/css/arabic.css`` isolates each
string literal), but a line of printed output that starts with an Arabic letter
(``print(art.text)``) is Arabic prose: it is wrapped in ``<bdi dir="rtl">`` so its
punctuation lands where an Arabic reader expects it.
"""

from __future__ import annotations

import re
from typing import Any

# «...» holding at least one Arabic letter, no markup and no nested guillemets.
_QUOTED_ARABIC = re.compile(r"«([^«»<>]*?[\u0600-\u06FF\u0750-\u077F][^«»<>]*?)»")
# A tag, or the text between two tags.
_TAG = re.compile(r"(<[^>]*>)")
_VERBATIM = ("code", "pre", "script", "style", "bdi")
# The code of a Python example, as Pygments renders it.
_PYTHON_CODE = re.compile(
    r'(<div class="language-py(?:thon|con) highlight"><pre><span></span><code>)'
    r"(.*?)(</code></pre>)",
    re.DOTALL,
)
_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F]")
# Output in a docstring example (Pygments' "pycon" marks it Generic.Output, not as strings)
# and a quoted string holding Arabic in it: ('قمة في الرياض', 'واس').
_OUTPUT_SPAN = re.compile(r'<span class="go">([^<]*?)</span>')
_QUOTED_STRING = re.compile(r"(&#39;|')([^'<\n]*?[\u0600-\u06FF][^'<\n]*?)\1")


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


def _isolate_strings(match: re.Match[str]) -> str:
    # strings as siblings of the output spans, not nested in them, as in a Python block
    inner = _QUOTED_STRING.sub(
        r'</span><span class="s1">\1\2\1</span><span class="go">', match.group(1)
    )
    return f'<span class="go">{inner}</span>'


def _arabic_output_lines(code: str) -> str:
    code = _OUTPUT_SPAN.sub(_isolate_strings, code)
    lines = []
    for line in code.split("\n"):
        text = _TAG.sub("", line).lstrip()
        balanced = line.count("<span") == line.count("</span>")
        if balanced and text and _ARABIC_LETTER.match(text):
            line = f'<bdi dir="rtl">{line}</bdi>'
        lines.append(line)
    return "\n".join(lines)


def isolate_output_lines(html: str) -> str:
    """Wrap lines of Python examples that start with an Arabic letter in ``<bdi>``.

    >>> page = '<div class="language-python highlight"><pre><span></span><code>'
    >>> page += '<span class="o">&gt;&gt;&gt;</span> print(t)\\nالرياض - واس:</code></pre>'
    >>> isolate_output_lines(page).split("\\n")[1]
    '<bdi dir="rtl">الرياض - واس:</bdi></code></pre>'
    """
    return _PYTHON_CODE.sub(
        lambda m: m.group(1) + _arabic_output_lines(m.group(2)) + m.group(3), html
    )


def on_page_content(html: str, **kwargs: Any) -> str:
    """MkDocs event: rewrite each page's HTML after Markdown rendering."""
    return isolate_output_lines(isolate_arabic(html))
