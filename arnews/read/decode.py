"""decode: ``str | bytes`` → ``str``, with notices for what had to be guessed or replaced.

Order for bytes: a byte order mark (UTF-8, UTF-16, UTF-32); the caller's charset
(``ParseOptions.encoding``, e.g. from an HTTP header); a charset declared in the bytes
(``declared``, given by the HTML reader); strict UTF-8; windows-1256 when the bytes read as
Arabic in it (older Arabic sites and the EASC corpus); else UTF-8 with replacement characters.

Only text charsets are used: a name that Python knows but that is not a charset of text
(``base64``, ``zlib``, ``rot13``, ``unicode_escape``, ``idna``, ``utf-7`` ...) is ignored with
a ``decode.unknown-charset`` notice, so nothing in the input is ever interpreted as escapes or
decompressed.

Then, for any input: UTF-8 read as windows-1256 or windows-1252 («ط§ظ„ط§ط­طھظپط§ظ„»,
«Ø§Ù„») is repaired when the round trip is lossless, else reported (conventions §7, §9.1);
lone surrogates become U+FFFD; a leading BOM is dropped, line ends become ``\\n``, and C0
control characters other than tab and newline are removed. A notice says what was changed.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import re
from collections.abc import Callable
from typing import Final

import regex

from arnews.errors import InputTooLargeError, InputTypeError
from arnews.model import Notice
from arnews.options import ParseOptions

__all__ = [
    "Source",
    "check_source",
    "decode",
    "decode_bytes",
    "repair_mojibake",
    "sniff_charset",
]

Source = str | bytes | bytearray | memoryview
"""What the entry points accept."""

NoticeSink = Callable[[Notice], None]

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Arabic letters in windows-1256: 0xC1-0xDF minus 0xD7 (×), and 0xE1, 0xE3-0xE6, 0xEC, 0xED.
_CP1256_ARABIC: Final = regex.compile(rb"[\xc1-\xd6\xd8-\xdf\xe1\xe3-\xe6\xec\xed]")
_HIGH_BYTES: Final = regex.compile(rb"[\x80-\xff]")
# A charset declared in a page's first bytes: «<meta charset="windows-1256">»,
# «<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">»,
# «<?xml version="1.0" encoding="windows-1256"?>».
_META_CHARSET: Final = regex.compile(
    rb"""<meta\b[^>]{0,300}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})"""
    rb"""|<\?xml\b[^>]{0,200}?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    regex.IGNORECASE,
)
_SNIFF_BYTES: Final = 4096
# Plain character classes scan faster on the stdlib engine (these run over every input).
_LINE_BREAKS: Final = r"\u2028\u2029\x85\x0b\x0c"  # besides \r and \n
_CONTROL_CHARS: Final = r"\x00-\x08\x0e-\x1f\x7f"
_SURROGATE_CHARS: Final = r"\ud800-\udfff"
_LINE_ENDS: Final = re.compile(rf"\r\n?|[{_LINE_BREAKS}]")
_CONTROLS: Final = re.compile(rf"[{_CONTROL_CHARS}]+")
_ASCII: Final = regex.compile(r"[\x00-\x7f]+")
_SURROGATES: Final = re.compile(rf"[{_SURROGATE_CHARS}]+")
# Any of the three above (\r is replaced before this scan).
_TO_CLEAN: Final = re.compile(rf"[{_SURROGATE_CHARS}{_LINE_BREAKS}{_CONTROL_CHARS}]")

# Codecs Python knows that do not decode a charset: transforms, escapes, IDNA, UTF-7 (which
# hides ASCII in «+...-» runs) and the codec that always fails.
_NOT_CHARSETS: Final = frozenset(
    {"idna", "punycode", "unicode_escape", "raw_unicode_escape", "escape", "undefined",
     "utf_7", "charmap"}
)  # fmt: skip

# --- mojibake: UTF-8 bytes shown through a single-byte charset (conventions §7) ------------


def _byte_chars(codec: str, first: int, last: int) -> str:
    """The characters bytes ``first..last`` show as in ``codec``; for windows-1252 also as in
    latin-1 (the C1 controls), which pages and browsers mix up."""
    shown = "".join(bytes([b]).decode(codec, "replace") for b in range(first, last + 1))
    if codec == "cp1252":
        shown = shown.replace("\ufffd", "") + bytes(range(first, last + 1)).decode("latin-1")
    return shown


def _mojibake_run(codec: str, arabic_leads: str) -> regex.Pattern[str]:
    # A UTF-8 sequence seen through ``codec``: a lead (bytes C2-DF, or E0-EF with two
    # continuations) and continuations (bytes 80-BF); a bare «ط»/«ظ» whose continuation
    # byte was lost (soft hyphen 0xAD dropped: «ططھ»). Four or more, ASCII allowed between.
    lead2 = regex.escape(_byte_chars(codec, 0xC2, 0xDF))
    lead3 = regex.escape(_byte_chars(codec, 0xE0, 0xEF))
    cont = regex.escape(_byte_chars(codec, 0x80, 0xBF))
    bare = regex.escape(arabic_leads)
    unit = f"(?:[{lead3}][{cont}]{{2}}|[{lead2}][{cont}]|[{bare}](?![{cont}]))"
    return regex.compile(f"{unit}(?:[\\x20-\\x7e\\t\\n\\r]*+{unit}){{3,}}")


# «ط§ظ„ط§ط­طھظپط§ظ„» for «الاحتفال»: Arabic letters are UTF-8 D8/D9 xx, shown as ط/ظ + a sign.
_MOJIBAKE_1256: Final = _mojibake_run("cp1256", "طظ")
# «Ø§Ù„Ø§Ø­ØªÙ…» for «الاحت»: the same through windows-1252 / latin-1.
_MOJIBAKE_1252: Final = _mojibake_run("cp1252", "ØÙ")
# What a repairable windows-1256 run holds: «ط»/«ظ» then a continuation byte shown as a
# sign that is not Arabic script («ط§» for ا, «ظ„» for ل: every run of four or more has
# one in practice). Arabic text has none («فقط،» has an Arabic comma), so it skips the scan.
_SIGNATURE_FOLLOWERS: Final = "".join(
    ch
    for ch in _byte_chars("cp1256", 0x80, 0xBF)
    if (ch > "\u06ff" or ch < "\u0600") and ch not in "\u200c\u200d\xa0\xad«»"
)
_SIGNATURE_1256: Final = re.compile("[طظ][" + re.escape(_SIGNATURE_FOLLOWERS) + "]")
# windows-1252 characters back to the byte they stand for, so latin-1 can encode them.
_CP1252_TO_LATIN1: Final = str.maketrans(
    {
        ch: chr(b)
        for b in range(0x80, 0xA0)
        if (ch := bytes([b]).decode("cp1252", "replace")) != "\ufffd"
    }
)
_MOJIBAKE_SHARE: Final = 0.3  # share of non-ASCII characters that must be the Arabic leads


# What :func:`_clean_utf8` looks for in strict UTF-8 bytes. C0 controls besides tab, CR and
# newline are single bytes (\x0b and \x0c line breaks among them); U+0085 is C2 85 and
# U+2028/U+2029 are E2 80 A8/A9; a :data:`_SIGNATURE_1256` pair is «ط» (D8 B7) or «ظ» (D8 B8)
# right before a character whose first byte is one of the followers' first bytes (C2, E2 ...).
_NOT_CONTROL_BYTES: Final = bytes(
    b for b in range(256) if not (b <= 0x08 or b in (0x0B, 0x0C) or 0x0E <= b <= 0x1F or b == 0x7F)
)
_FOLLOWER_LEADS: Final = tuple(
    sorted({ch.encode("utf-8")[:1] for ch in _SIGNATURE_FOLLOWERS} | {b"\xc2", b"\xe2"})
)
_TA_ZA: Final = (b"\xd8\xb7", b"\xd8\xb8")
_LATIN_LEAD: Final = b"\xc3"  # the first byte of «Ø» and «Ù» (windows-1252 mojibake leads)
_WIDE_BREAK_BYTES: Final = (b"\xc2\x85", b"\xe2\x80\xa8", b"\xe2\x80\xa9")
_LEAD_LOOKS: Final = 256  # follower lead bytes looked at one by one; more: the full scans


def _clean_utf8(data: bytes) -> tuple[bool, bool]:
    """For strict UTF-8 bytes: (nothing to clean, a windows-1256 signature pair may be there).

    Clean means no C0 control other than tab, CR and newline, and no U+0085, U+2028, U+2029.
    One C pass for the controls, then the few bytes that start a follower (typically none or a
    handful in a page) are looked at one by one; a page with very many gives (False, True),
    the answer that sends it through the full scans.

    >>> _clean_utf8("قال «نعم»".encode()), _clean_utf8("فقط”".encode()), _clean_utf8(b"a\x0cb")
    ((True, False), (True, True), (False, True))
    """
    if data.translate(None, _NOT_CONTROL_BYTES):
        return False, True
    looks = 0
    signature = False
    for lead in _FOLLOWER_LEADS:
        at = data.find(lead)
        while at >= 0:
            looks += 1
            if looks > _LEAD_LOOKS or data.startswith(_WIDE_BREAK_BYTES, at):
                return False, True
            if at >= 2 and data[at - 2 : at] in _TA_ZA:
                signature = True
            at = data.find(lead, at + 1)
    return True, signature


def check_source(source: object, options: ParseOptions) -> Source:
    """Reject what is not text or bytes, and what is larger than the options allow.

    Raises:
        InputTypeError: ``source`` is not ``str``/``bytes``/``bytearray``/``memoryview``.
        InputTooLargeError: ``source`` is longer than ``options.max_input_size``.
    """
    if isinstance(source, os.PathLike):
        raise InputTypeError(
            "got a path; read the file first (Path(...).read_bytes()) or use `arnews parse FILE`"
        )
    if not isinstance(source, str | bytes | bytearray | memoryview):
        raise InputTypeError(f"expected str or bytes, got {type(source).__name__}")
    size = source.nbytes if isinstance(source, memoryview) else len(source)
    if size > options.max_input_size:
        raise InputTooLargeError(size, options.max_input_size)
    return source


def _looks_cp1256(data: bytes) -> bool:
    high = len(_HIGH_BYTES.findall(data))
    return high > 0 and len(_CP1256_ARABIC.findall(data)) >= 0.6 * high


def _utf8_with_high_bytes(data: bytes) -> bool:
    if _HIGH_BYTES.search(data) is None:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _codec(name: str | None, label: str, notice: NoticeSink) -> str | None:
    """The Python codec for a charset name, or ``None`` (with a notice) when it names none."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except (LookupError, ValueError):  # ValueError: a name with NUL characters
        info = None
    name_key = info.name.replace("-", "_") if info is not None else ""
    if info is None or name_key in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", 1):
        notice(
            Notice(
                code="decode.unknown-charset",
                message=f"the {label} charset {name[:40]!r} is not a text charset; ignored",
            )
        )
        return None
    return info.name


def repair_mojibake(text: str, notice: NoticeSink) -> str:
    """Undo UTF-8 read as windows-1256 («ط§ظ„») or windows-1252 («Ø§Ù„»), run by run.

    A run is repaired only when it turns back into valid UTF-8 (the round trip is lossless);
    otherwise it is kept as it is and a ``decode.mojibake`` notice says so.

    Args:
        text: decoded text.
        notice: where the repair (``decode.mojibake-repaired``) or failure is reported.

    Returns:
        ``text`` with every lossless run repaired.

    >>> repair_mojibake("ط§ظ„ط§ط­طھظپط§ظ„ ط¨ط§ظ„ط°ظƒط±ظ‰", print)  # doctest: +ELLIPSIS
    Notice(code='decode.mojibake-repaired', ...)
    'الاحتفال بالذكرى'
    """
    return _repair(text, notice, cp1256=True)


def _repair(text: str, notice: NoticeSink, *, cp1256: bool, cp1252: bool = True) -> str:
    """:func:`repair_mojibake`; ``cp1256=False`` when the text is known to hold no
    :data:`_SIGNATURE_1256` pair, ``cp1252=False`` when it holds no «Ø» or «Ù» (each scan
    is then skipped)."""
    for pattern, codec, leads in (
        (_MOJIBAKE_1256, "cp1256", "طظ"),
        (_MOJIBAKE_1252, "latin-1", "ØÙ"),
    ):
        if (codec == "cp1256" and not cp1256) or (codec == "latin-1" and not cp1252):
            continue
        if leads[0] not in text and leads[1] not in text:
            continue
        if codec == "cp1256" and _SIGNATURE_1256.search(text) is None:
            continue  # no lead and continuation pair: nothing a round trip could repair
        repaired = lossy = 0

        def fix(m: regex.Match[str], codec: str = codec, leads: str = leads) -> str:
            nonlocal repaired, lossy
            run = m.group()
            arabic = run.count(leads[0]) + run.count(leads[1])
            wide = len(_ASCII.sub("", run))
            if arabic < _MOJIBAKE_SHARE * wide or 2 * (wide - arabic) < arabic:
                return run  # not mostly ط/ظ + a sign: real text, or a run of bare ط
            try:
                if codec == "latin-1":
                    fixed = run.translate(_CP1252_TO_LATIN1).encode("latin-1").decode("utf-8")
                else:
                    fixed = run.encode(codec).decode("utf-8")
            except UnicodeError:
                lossy += 1
                return run
            repaired += 1
            return fixed

        text = pattern.sub(fix, text)
        name = "windows-1256" if codec == "cp1256" else "windows-1252"
        if repaired:
            notice(
                Notice(
                    code="decode.mojibake-repaired",
                    message=f"{repaired} run(s) of UTF-8 shown as {name} repaired",
                )
            )
        if lossy:
            notice(
                Notice(
                    code="decode.mojibake",
                    message=(
                        f"{lossy} run(s) look like UTF-8 shown as {name} but bytes were lost; "
                        "kept as they are"
                    ),
                )
            )
    return text


def sniff_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4096 bytes (``<meta charset>``,
    ``http-equiv`` Content-Type, or the XML declaration), or ``None``.

    >>> sniff_charset(b'<html><head><meta charset="windows-1256"><title>')
    'windows-1256'
    >>> sniff_charset(b"plain text") is None
    True
    """
    m = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if m is None:
        return None
    return (m.group(1) or m.group(2)).decode("ascii").lower()


def decode_bytes(
    data: bytes, notice: NoticeSink, *, encoding: str | None = None, declared: str | None = None
) -> str:
    """Decode ``data`` by the order in the module docstring; never raises.

    >>> decode_bytes("قمة الرياض".encode("cp1256"), print)  # doctest: +ELLIPSIS
    Notice(code='decode.windows-1256', ...)
    'قمة الرياض'
    """
    return _decode_bytes(data, notice, encoding=encoding, declared=declared)[0]


def _decode_bytes(
    data: bytes, notice: NoticeSink, *, encoding: str | None, declared: str | None
) -> tuple[str, bool]:
    """:func:`decode_bytes`, and whether the text is ``data`` read as strict UTF-8."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), False
            except UnicodeDecodeError:
                notice(Notice(code="decode.replaced", message=f"invalid {codec} after its BOM"))
                return data.decode(codec, errors="replace"), False
    given, stated = _codec(encoding, "given", notice), _codec(declared, "declared", notice)
    for label, name in (("given", given), ("declared", stated)):
        if name is None:
            continue
        if label == "declared" and name != "utf-8" and _utf8_with_high_bytes(data):
            # a page converted to UTF-8 whose template still declares its old charset
            notice(
                Notice(
                    code="decode.mislabelled",
                    message=f"the declared charset {name} does not fit the bytes; read as UTF-8",
                )
            )
            continue
        try:
            text = data.decode(name)
        except UnicodeError:
            notice(
                Notice(
                    code="decode.mislabelled",
                    message=f"the {label} charset {name} does not fit the bytes",
                )
            )
            continue
        if name == "utf-8" or not _looks_cp1256(data) or name == "cp1256":
            return text, name == "utf-8"
        notice(
            Notice(
                code="decode.mislabelled",
                message=f"the {label} charset {name} does not fit Arabic bytes",
            )
        )
    try:
        return data.decode("utf-8"), True
    except UnicodeDecodeError as exc:
        if _looks_cp1256(data):
            notice(
                Notice(
                    code="decode.windows-1256",
                    message="not UTF-8; decoded as windows-1256 (Arabic)",
                )
            )
            return data.decode("cp1256", errors="replace"), False
        text = data.decode("utf-8", errors="replace")
        notice(
            Notice(
                code="decode.replaced",
                message=(
                    f"invalid UTF-8 from byte offset {exc.start}; "
                    f"{text.count(chr(0xFFFD))} replacement characters inserted"
                ),
            )
        )
        return text, False


def decode(
    source: Source, notice: NoticeSink, *, options: ParseOptions, declared: str | None = None
) -> tuple[str, bytes | None]:
    """Turn checked input into clean ``str``: BOM dropped, ``\\n`` line ends, no C0 controls;
    with the text's UTF-8 bytes when they are at hand: the input's own bytes (or the encoding
    of a ``str`` input, made for the scan) when decoding changed nothing. A parser reads
    them instead of a new encoding of the text.

    Args:
        source: the checked input.
        notice: where what had to be guessed or replaced goes.
        options: the caller's options (``encoding``).
        declared: the charset a page states in its own bytes (:func:`sniff_charset`).

    Returns:
        The text, and its UTF-8 bytes or ``None``.

    >>> decode("قال".encode(), print, options=ParseOptions())
    ('قال', b'\\xd9\\x82\\xd8\\xa7\\xd9\\x84')
    """
    utf8: bytes | None = None  # the text as UTF-8, when at hand or cheap to have
    if isinstance(source, str):
        text = source
        with contextlib.suppress(UnicodeEncodeError):  # lone surrogates: the slow path
            utf8 = text.encode("utf-8")
    else:
        data = bytes(source)
        text, strict = _decode_bytes(data, notice, encoding=options.encoding, declared=declared)
        utf8 = data if strict else None
    # (a byte search, when the bytes are at hand, is cheaper than one over the text)
    same = True  # whether ``utf8`` is still the text's encoding
    if (b"\r" in utf8) if utf8 is not None else ("\r" in text):
        # Windows and old Mac line ends: plain replaces are the cheapest
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        same = False
    clean, signature = _clean_utf8(utf8) if utf8 is not None else (False, True)
    if clean and utf8 is not None:
        # the usual case, told from the bytes (no surrogates in UTF-8; taking out \r above
        # neither adds a control nor puts «ط» before a follower); «Ø» and «Ù» are C3 98/99
        repaired = _repair(text, notice, cp1256=signature, cp1252=_LATIN_LEAD in utf8)
        if repaired.startswith("\ufeff"):
            return repaired[1:], None
        return repaired, utf8 if same and (repaired is text or repaired == text) else None
    if _TO_CLEAN.search(text) is None:  # nothing to clean, found by one scan
        text = repair_mojibake(text, notice)
        return (text[1:] if text.startswith("\ufeff") else text), None
    if _SURROGATES.search(text) is not None:
        surrogates = sum(len(m) for m in _SURROGATES.findall(text))
        text = _SURROGATES.sub(lambda m: "\ufffd" * len(m.group()), text)
        notice(
            Notice(
                code="text.surrogates",
                message=f"{surrogates} lone surrogates replaced with U+FFFD",
            )
        )
    text = repair_mojibake(text, notice)
    if text.startswith("\ufeff"):
        text = text[1:]
    text = _LINE_ENDS.sub("\n", text)
    controls = sum(len(m) for m in _CONTROLS.findall(text))
    if controls:
        text = _CONTROLS.sub("", text)
        notice(
            Notice(
                code="text.control-characters",
                message=f"{controls} control characters removed",
            )
        )
    return text, None
