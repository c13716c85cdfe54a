"""decode: ``str | bytes`` → ``str``, with notices for what had to be guessed or replaced.

Order for bytes: a byte order mark (UTF-8, UTF-16, UTF-32); the caller's charset
(``ParseOptions.encoding``, e.g. from an HTTP header); a charset declared in the bytes
(``declared``, given by the HTML reader); strict UTF-8; windows-1256 when the bytes read as
Arabic in it (older Arabic sites and the EASC corpus); else UTF-8 with replacement characters.

Then, for any input: a leading BOM is dropped, line ends become ``\\n``, and C0 control
characters other than tab and newline are removed (a notice says how many).
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from typing import Final

import regex

from arnews.errors import InputTooLargeError, InputTypeError
from arnews.model import Notice
from arnews.options import ParseOptions

__all__ = ["Source", "check_source", "decode", "decode_bytes", "sniff_charset"]

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
_LINE_ENDS: Final = regex.compile(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]")
_CONTROLS: Final = regex.compile(r"[\x00-\x08\x0e-\x1f\x7f]+")


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


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


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
    """Decode ``data`` by the order in the module docstring; never raises."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                notice(Notice(code="decode.replaced", message=f"invalid {codec} after its BOM"))
                return data.decode(codec, errors="replace")
    for label, name in (("given", _codec(encoding)), ("declared", _codec(declared))):
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
        except UnicodeDecodeError:
            notice(
                Notice(
                    code="decode.mislabelled",
                    message=f"the {label} charset {name} does not fit the bytes",
                )
            )
            continue
        if name == "utf-8" or not _looks_cp1256(data) or name == "cp1256":
            return text
        notice(
            Notice(
                code="decode.mislabelled",
                message=f"the {label} charset {name} does not fit Arabic bytes",
            )
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _looks_cp1256(data):
            notice(
                Notice(
                    code="decode.windows-1256",
                    message="not UTF-8; decoded as windows-1256 (Arabic)",
                )
            )
            return data.decode("cp1256", errors="replace")
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
        return text


def decode(
    source: Source, notice: NoticeSink, *, options: ParseOptions, declared: str | None = None
) -> str:
    """Turn checked input into clean ``str``: BOM dropped, ``\\n`` line ends, no C0 controls.

    ``declared`` is the charset a page states in its own bytes (:func:`sniff_charset`).
    """
    if isinstance(source, str):
        text = source
    else:
        text = decode_bytes(bytes(source), notice, encoding=options.encoding, declared=declared)
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
    return text
