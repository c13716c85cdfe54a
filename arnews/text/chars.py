"""Named character classes. Invisible characters get names here, never bare literals.

See ``reference/arabic-news-conventions.md`` §7 for where each one is seen.
"""

from __future__ import annotations

from typing import Final

TATWEEL: Final = "\u0640"
"""Kashida «ـ»: stretches a word (مـساء) and doubles as a dash («دبي ـ العربية.نت»)."""

NBSP: Final = "\u00a0"
SOFT_HYPHEN: Final = "\u00ad"
ZWNBSP: Final = "\ufeff"
"""Byte order mark / zero-width no-break space."""
REPLACEMENT_CHARACTER: Final = "\ufffd"

ARABIC_INDIC_DIGITS: Final = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS: Final = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DECIMAL_SEPARATOR: Final = "\u066b"
ARABIC_THOUSANDS_SEPARATOR: Final = "\u066c"

# Regex character-class bodies (no brackets), for building patterns.
DIACRITICS: Final = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed"
"""Tashkeel, superscript alef and Quranic marks: أكَّد، مضيفاً."""

BIDI_CONTROLS: Final = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""ALM, LRM, RLM, embeddings/overrides and isolates."""

ZERO_WIDTH: Final = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
"""ZWSP, ZWNJ, ZWJ, word joiner, ZWNBSP and the soft hyphen."""

SPACES: Final = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
"""Space characters other than U+0020 that are tidied to a plain space."""

PRESENTATION_FORMS: Final = "\ufb50-\ufdff\ufe70-\ufefe"
"""Arabic presentation forms A and B (PDF and scanned text: ﻣﻨﺘﺨﺐ); NFKC maps them."""

QUOTE_MARKS: Final = "«»“”„‟\"'‘’‹›"
DASHES: Final = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
"""Hyphen-minus, hyphens, figure/en/em dashes, horizontal bar, minus. Tatweel as a dash
is handled where a dash is matched (``[-–—ـ]``)."""

SENTENCE_END: Final = ".!?؟…"
"""Marks that end a sentence (Latin and Arabic)."""
