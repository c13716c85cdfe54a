"""arnews: structured, trustworthy objects from Arabic news articles.

>>> import arnews
>>> art = arnews.parse_text("عنوان الخبر\\n\\nدبي - العربية.نت\\n\\nقال الوزير إن الاجتماع مثمر.")
>>> art.headline, art.dateline.place, art.dateline.agency
('عنوان الخبر', 'دبي', 'العربية.نت')
>>> art.text[art.dateline.span.slice]
'دبي - العربية.نت'
"""

from arnews import model as _model
from arnews._version import __version__
from arnews.api import parse, parse_html, parse_text
from arnews.errors import (
    ArnewsError,
    DecodeError,
    InputTooLargeError,
    InputTypeError,
    NotHTMLError,
    OptionsError,
    OptionsTypeError,
)
from arnews.model import (
    Article,
    Attribution,
    Dateline,
    DateMention,
    Notice,
    Paragraph,
    Quote,
    Section,
    Source,
    Span,
)
from arnews.options import ParseOptions

#: Whether this install runs modules compiled with mypyc (a wheel built where a C compiler
#: was found) or pure Python (editable installs, ``ARNEWS_PURE_PYTHON=1``, no compiler).
compiled: bool = not str(_model.__file__).endswith(".py")

__all__ = [
    "ArnewsError",
    "Article",
    "Attribution",
    "DateMention",
    "Dateline",
    "DecodeError",
    "InputTooLargeError",
    "InputTypeError",
    "NotHTMLError",
    "Notice",
    "OptionsError",
    "OptionsTypeError",
    "Paragraph",
    "ParseOptions",
    "Quote",
    "Section",
    "Source",
    "Span",
    "__version__",
    "compiled",
    "parse",
    "parse_html",
    "parse_text",
]
