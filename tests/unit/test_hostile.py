"""Hostile input: argument types, the size limit, safety of HTML parsing, encodings, memory.

See docs/robustness.md. Linear time is in tests/property/test_hostile.py.
"""

from __future__ import annotations

import codecs
import socket
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

import arnews
import arnews.pipeline
from arnews.cli import main
from tests.hostile_inputs import plain

ARTICLE = "قمة في الرياض\n\nالرياض - واس:\nقال وزير الخارجية إن الاجتماع كان مثمراً وبنّاءً.\n"
ENTRY_POINTS = [arnews.parse, arnews.parse_text, arnews.parse_html]


# --- argument types ------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("bad", [None, 12, 1.5, ["نص"], {"text": "نص"}, Path("a.txt"), object()])
def test_wrong_input_type_is_a_type_error_naming_the_type(entry: Any, bad: object) -> None:
    with pytest.raises(arnews.InputTypeError) as info:
        entry(bad)
    assert isinstance(info.value, TypeError)
    assert "path" in str(info.value) or type(bad).__name__ in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"max_input_size": "100"}, arnews.OptionsTypeError),
        ({"max_input_size": True}, arnews.OptionsTypeError),
        ({"max_input_size": 0}, arnews.OptionsError),
        ({"max_input_size": -5}, arnews.OptionsError),
        ({"reference_time": "2024-01-01"}, arnews.OptionsTypeError),
        ({"encoding": b"utf-8"}, arnews.OptionsTypeError),
    ],
)
def test_bad_options_raise_documented_errors(kwargs: dict[str, Any], error: type) -> None:
    with pytest.raises(error):
        arnews.ParseOptions(**kwargs)


def test_option_type_errors_are_type_errors_and_value_errors_are_value_errors() -> None:
    with pytest.raises(TypeError):
        arnews.ParseOptions(max_input_size="100")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="positive"):
        arnews.ParseOptions(max_input_size=0)


# --- the size limit ------------------------------------------------------------------------


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> str:
        raise AssertionError("decode ran: the limit must be checked before any work")

    monkeypatch.setattr(arnews.pipeline, "decode", fail)


@pytest.mark.parametrize("entry", ENTRY_POINTS)
@pytest.mark.parametrize("kind", [str, bytes, bytearray, memoryview])
def test_input_over_the_limit_raises_before_any_work(
    entry: Any, kind: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    options = arnews.ParseOptions(max_input_size=100)
    text = "ا" * 101 if kind is str else b"a" * 101
    source = text if kind is str else kind(text)
    _no_work(monkeypatch)
    with pytest.raises(arnews.InputTooLargeError) as info:
        entry(source, options=options)
    assert isinstance(info.value, ValueError)
    assert (info.value.size, info.value.limit) == (101, 100)
    assert "max_input_size=100" in str(info.value)


def test_input_at_the_limit_is_parsed() -> None:
    options = arnews.ParseOptions(max_input_size=len(ARTICLE))
    assert arnews.parse_text(ARTICLE, options=options).headline == "قمة في الرياض"


def test_default_limit_is_documented() -> None:
    assert arnews.ParseOptions().max_input_size == 20_000_000
    assert "20 million" in (arnews.ParseOptions.__doc__ or "")


def test_cli_checks_the_file_size_before_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(25_000_000)  # sparse: no disk used, nothing to read
    read: list[Path] = []
    original = Path.open

    def tracking_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        read.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", tracking_open)
    assert main(["parse", str(big)]) == 1
    assert "exceeds max_input_size=20,000,000" in capsys.readouterr().err
    assert big not in read


# --- safety: no network, no files, no entity expansion, nothing executed ---------------------


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text("SECRET-MARKER-7f3a", encoding="utf-8")
    return path


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    calls: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError("network access")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return calls


BODY = "<p>قال الوزير إن الاجتماع كان مثمراً وبنّاءً في كل الملفات المطروحة.</p>"


def _hostile_pages(secret: Path) -> dict[str, str]:
    url = secret.as_uri()
    return {
        "billion laughs": (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
            + "".join(
                f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                for i in range(1, 10)
            )
            + "]><html><body><h1>&lol9;</h1>"
            + BODY
            + "</body></html>"
        ),
        "external entity": (
            f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{url}">]>'
            f"<html><body><h1>&xxe;</h1>{BODY}</body></html>"
        ),
        "external DTD": (
            f'<!DOCTYPE html SYSTEM "{url}"><html><body><h1>عنوان</h1>{BODY}</body></html>'
        ),
        "parameter entity": (
            f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{url}"> %p;]>'
            f"<html><body><h1>عنوان</h1>{BODY}</body></html>"
        ),
        "xinclude": (
            '<html xmlns:xi="http://www.w3.org/2001/XInclude"><body><h1>عنوان</h1>'
            f'<xi:include href="{url}" parse="text"/>{BODY}</body></html>'
        ),
        "file and http links": (
            f'<html><head><link rel="stylesheet" href="{url}"><base href="{url}">'
            '<script src="http://127.0.0.1:9/x.js"></script></head>'
            f'<body><h1>عنوان</h1><iframe src="{url}"></iframe><img src="{url}">'
            f'<object data="{url}"></object><a href="{url}">رابط</a>{BODY}</body></html>'
        ),
        "scripts": (
            "<html><body><h1>عنوان</h1><script>document.write('SECRET-MARKER-7f3a')</script>"
            "<img src=x onerror=\"document.write('SECRET-MARKER-7f3a')\">"
            '<script type="application/ld+json">{"headline": "__import__(\'os\').system(1)",'
            '"datePublished": "2024-01-15"}</script>'
            f"{BODY}</body></html>"
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "billion laughs",
        "external entity",
        "external DTD",
        "parameter entity",
        "xinclude",
        "file and http links",
        "scripts",
    ],
)
def test_pages_never_read_files_network_or_expand_entities(
    name: str, secret: Path, no_network: list[object]
) -> None:
    page = _hostile_pages(secret)[name]
    art = arnews.parse_html(page)
    dumped = art.to_json()
    assert "SECRET-MARKER" not in dumped
    assert "lollollol" not in dumped
    assert len(art.text) < 2 * len(page)
    assert "قال الوزير إن الاجتماع" in art.text
    assert no_network == []


def test_billion_laughs_as_bytes_and_via_parse_is_bounded(secret: Path) -> None:
    page = _hostile_pages(secret)["billion laughs"].encode("utf-8")
    for entry in (arnews.parse, arnews.parse_html):
        art = entry(page)
        assert len(art.text) < len(page)


# --- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("cp1256"),
        codecs.BOM_UTF8 + ARTICLE.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be"),
    ],
    ids=["windows-1256", "utf-8 BOM", "utf-16 LE BOM", "utf-16 BE BOM"],
)
def test_encodings_are_decoded(data: bytes) -> None:
    art = arnews.parse(data)
    assert art.headline == "قمة في الرياض"
    assert art.dateline is not None
    assert art.dateline.agency == "واس"


@pytest.mark.parametrize("declared", ["windows-1256", "iso-8859-1", "utf-8", "koi8-r"])
def test_mislabelled_page_charsets_read_the_arabic(declared: str) -> None:
    page = (
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">'
        f"<title>قمة</title></head><body><h1>قمة في الرياض</h1>{BODY}</body></html>"
    )
    for data in (page.encode("utf-8"), page.encode("cp1256")):
        art = arnews.parse(data)
        assert "قال الوزير إن الاجتماع" in art.text


def test_mojibake_inside_utf8_is_repaired_with_a_notice() -> None:
    shown = "الاحتفال بالذكرى السنوية".encode().decode("cp1256")
    assert shown.startswith("ط§ظ„")
    art = arnews.parse((f"{shown}\n\n" + ARTICLE).encode("utf-8"))
    assert art.headline == "الاحتفال بالذكرى السنوية"
    assert "decode.mojibake-repaired" in [n.code for n in art.notices]


def test_lossy_mojibake_is_kept_and_reported() -> None:
    # the real page had lost the soft hyphen 0xAD of «ح» (D8 AD): no lossless round trip
    shown = "ط§ظ„ط§ططھظپط§ظ„ ط¨ط§ظ„ط°ظƒط±ظ‰"
    art = arnews.parse_text(shown + "\n\n" + ARTICLE)
    assert shown in art.text
    assert "decode.mojibake" in [n.code for n in art.notices]


def test_latin1_mojibake_is_repaired() -> None:
    shown = "قال الوزير إن الاجتماع مثمر".encode().decode("latin-1")
    art = arnews.parse_text(shown)
    assert art.text == "قال الوزير إن الاجتماع مثمر"


def test_real_arabic_with_commas_is_not_taken_for_mojibake() -> None:
    text = "البنود: أ، ب، ج، د، هـ، و، ز، ح، ط، ظ، ع، غ."
    art = arnews.parse_text(text)
    assert art.text == text
    assert not [n for n in art.notices if n.code.startswith("decode.mojibake")]


def test_replaced_bytes_and_dropped_characters_are_reported() -> None:
    art = arnews.parse(ARTICLE.encode("utf-8")[:-12] + b"\xff\xfe" + b"\x00\x01 end")
    codes = [n.code for n in art.notices]
    assert "decode.replaced" in codes or "decode.windows-1256" in codes
    art = arnews.parse_text(ARTICLE.replace("وزير", "وز\x00ير\x1b"))
    assert "text.control-characters" in [n.code for n in art.notices]


# --- memory ----------------------------------------------------------------------------------


def _peak(text: str) -> int:
    tracemalloc.start()
    try:
        arnews.parse_text(text)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_grows_in_proportion_to_the_input() -> None:
    arnews.parse_text(plain(5_000))  # word lists and patterns loaded once, outside the count
    small, large = _peak(plain(40_000)), _peak(plain(160_000))
    assert large / small < 4 * 1.6  # proportional: four times the input, about four times
    assert large < 160_000 * 60  # and a bounded number of bytes per input byte
