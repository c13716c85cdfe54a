from __future__ import annotations

import codecs
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import arnews
from arnews.model import Notice
from arnews.read import decode as decode_module
from arnews.read.decode import decode_bytes

ARABIC = "قال وزير الخارجية إن الاجتماع كان مثمراً وبنّاءً."


def _decode(data: bytes, **kw: str) -> tuple[str, list[Notice]]:
    notices: list[Notice] = []
    return decode_bytes(data, notices.append, **kw), notices


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        ARABIC.encode("utf-16"),  # with BOM
        codecs.BOM_UTF32_LE + ARABIC.encode("utf-32-le"),
    ],
)
def test_unicode_encodings_decode_without_notice(data: bytes) -> None:
    text, notices = _decode(data)
    assert text.lstrip("\ufeff") == ARABIC
    assert notices == []


def test_windows_1256_is_detected_with_a_notice() -> None:
    text, notices = _decode(ARABIC.encode("cp1256"))
    assert text == ARABIC
    assert [n.code for n in notices] == ["decode.windows-1256"]


def test_given_charset_wins_and_a_wrong_one_is_reported() -> None:
    assert _decode(ARABIC.encode("cp1256"), encoding="windows-1256") == (ARABIC, [])
    text, notices = _decode(ARABIC.encode("cp1256"), encoding="utf-8")
    assert text == ARABIC
    assert [n.code for n in notices] == ["decode.mislabelled", "decode.windows-1256"]


def test_invalid_utf8_is_replaced_with_a_notice() -> None:
    text, notices = _decode(b"abc \xff\xfe\x00 def")
    assert "\ufffd" in text
    assert [n.code for n in notices] == ["decode.replaced"]


def test_parse_reports_control_characters_and_bom() -> None:
    art = arnews.parse_text("\ufeffعنوان\x00 الخبر\r\n\r\nقال الوزير إن الاجتماع مثمر.\x07")
    assert art.headline == "عنوان الخبر"
    assert "\x00" not in art.text
    assert "\x07" not in art.text
    assert any(n.code == "text.control-characters" for n in art.notices)


@pytest.mark.parametrize("bad", [None, 12, 3.5, ["نص"], {"text": "نص"}])
def test_wrong_types_raise_a_type_error(bad: object) -> None:
    with pytest.raises(arnews.InputTypeError) as info:
        arnews.parse(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, arnews.ArnewsError)
    assert type(bad).__name__ in str(info.value)


def test_size_limit_is_enforced_before_work() -> None:
    opts = arnews.ParseOptions(max_input_size=10)
    with pytest.raises(arnews.InputTooLargeError):
        arnews.parse_text("ا" * 11, options=opts)
    assert arnews.parse_text("ا" * 10, options=opts).text == "ا" * 10


def test_bad_options_raise() -> None:
    with pytest.raises(arnews.OptionsError):
        arnews.ParseOptions(max_input_size=0)
    with pytest.raises(arnews.OptionsError):
        arnews.ParseOptions(reference_time="2015-08-11")  # type: ignore[arg-type]


# Pieces of text the cleanup looks for: controls, line breaks beyond C0, «ط»/«ظ» before a
# windows-1256 signature follower («ط§» is «ا» shown through windows-1256), «»« and BOMs.
_PIECES = [
    "قال الوزير ",
    "فقط",
    "ط§ظ„ط§ط­طھظپط§ظ„ ",
    "Ø§Ù„Ø§Ø­Øª ",
    "«نعم» ",
    "”",
    "–",
    "\x85",
    "\u2028",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x00",
    "\x1f",
    "\r\n",
    "\r",
    "\t",
    "\ufeff",
    "© 2020 ",
    "a",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_the_fast_clean_check_gives_what_the_full_scans_give(pieces: list[str]) -> None:
    # the bytes test only decides whether the full scans run: the same text and notices
    text = "".join(pieces)
    options = arnews.ParseOptions()
    for source in (text, text.encode("utf-8")):
        fast: list[Notice] = []
        slow: list[Notice] = []
        got, utf8 = decode_module.decode(source, fast.append, options=options)
        with patch.object(decode_module, "_clean_utf8", lambda data: (False, True)):
            want, _ = decode_module.decode(source, slow.append, options=options)
        assert (got, fast) == (want, slow)
        # the UTF-8 bytes handed on are exactly the text's
        assert utf8 is None or utf8 == got.encode("utf-8")
        if set(pieces) <= {"قال الوزير ", "فقط", "a", "\t"}:
            assert utf8 == got.encode("utf-8")  # decoding changed nothing: they are at hand


def test_many_follower_bytes_fall_back_to_the_full_scans() -> None:
    data = ("«نعم» " * 300).encode("utf-8")
    assert decode_module._clean_utf8(data) == (False, True)
    assert decode_module._clean_utf8(("«نعم» " * 3).encode("utf-8")) == (True, False)
