from __future__ import annotations

import codecs

import pytest

import arnews
from arnews.model import Notice
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
