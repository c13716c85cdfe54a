"""Every crash found by fuzzing or review, as a named test (docs/robustness.md).

Each test names the input that crashed, what happened before the fix, and checks the
documented outcome now. Crashes in modules owned elsewhere are ``xfail(strict=True)`` with
the reproducer, so they turn into failures (to be unmarked) once fixed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import arnews
from arnews.cli import main

PAGE = (
    '<html><head><meta charset="{}"><title>عنوان</title></head>'
    "<body><p>قال الوزير إن الاجتماع كان مثمرا وبناء في كل الملفات.</p></body></html>"
)


@pytest.mark.parametrize("charset", ["rot13", "zlib", "base64", "hex", "bz2", "uu", "quopri"])
def test_page_declaring_a_non_text_codec_is_read(charset: str) -> None:
    # was: LookupError "'zlib' is not a text encoding" when the body was not UTF-8
    page = PAGE.format(charset).replace("قال الوزير", "").encode("utf-8") + "قال".encode("cp1256")
    art = arnews.parse(page)
    assert "decode.unknown-charset" in [n.code for n in art.notices]


@pytest.mark.parametrize("charset", ["undefined", "zlib", "unicode_escape", "utf-7", "idna"])
def test_given_non_text_codec_is_ignored_with_a_notice(charset: str) -> None:
    # was: UnicodeError from the 'undefined' codec, LookupError from 'zlib'; and
    # unicode_escape/utf-7 would have interpreted escapes in the input
    data = "قال الوزير \\u0041 +AEE-".encode("cp1256")
    art = arnews.parse(data, options=arnews.ParseOptions(encoding=charset))
    assert "\\u0041 +AEE-" in art.text
    assert "decode.unknown-charset" in [n.code for n in art.notices]


def test_options_of_the_wrong_type_is_a_type_error() -> None:
    # was: AttributeError "'str' object has no attribute 'max_input_size'"
    with pytest.raises(arnews.InputTypeError, match="ParseOptions"):
        arnews.parse("نص", options="utf-8")  # type: ignore[arg-type]


def test_url_of_the_wrong_type_is_a_type_error() -> None:
    # was: accepted, and Article.url held an int
    with pytest.raises(TypeError, match="url must be a str"):
        arnews.parse_html("<p>نص</p>", url=5)  # type: ignore[arg-type]


def test_encoding_option_of_the_wrong_type_is_a_type_error() -> None:
    # was: AttributeError "'int' object has no attribute 'strip'" at parse time
    with pytest.raises(arnews.OptionsTypeError):
        arnews.ParseOptions(encoding=5)  # type: ignore[arg-type]


def test_lone_surrogates_are_replaced_and_reported() -> None:
    # was: kept in Article.text, so writing the JSON as UTF-8 failed downstream
    art = arnews.parse_text("قال \ud800 الوزير")
    assert "\ud800" not in art.text
    art.to_json().encode("utf-8")
    assert "text.surrogates" in [n.code for n in art.notices]


def test_cli_reports_bad_jsonl_records_and_missing_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # was: a traceback (JSONDecodeError, KeyError, FileNotFoundError) ended the whole run
    records = tmp_path / "in.jsonl"
    lines = [json.dumps({"text": "قال الوزير إن الاجتماع مثمر."}), "not json", "[1]", '{"html": 5}']
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["parse", "--jsonl", str(records), str(tmp_path / "missing.txt")])
    out, err = capsys.readouterr()
    assert status == 1
    assert len(out.splitlines()) == 1
    assert "in.jsonl:2: not a JSON record" in err
    assert "in.jsonl:3:" in err
    assert "in.jsonl:4:" in err
    assert "missing.txt: cannot read" in err


@pytest.mark.parametrize(
    "text", ["<!DOCTYPE HTML", "<!DOCTYPE html>\n\n", '<?xml version="1.0"?><!DOCTYPE html>']
)
def test_parse_of_text_that_only_starts_like_a_page_is_read_as_text(text: str) -> None:
    # was: NotHTMLError "Document is empty" from parse(), which only documents type and size
    art = arnews.parse(text)
    assert art.notices[0].code == "html.unreadable"
    with pytest.raises(arnews.NotHTMLError):
        arnews.parse_html(text)


# --- crashes in modules owned elsewhere (reproducers in docs/robustness.md) -----------------


@pytest.mark.parametrize("text", ["ة،من.و", "ة،من?و", "ة،من\ufffdو", "ة،من#و"])
def test_dateline_from_followed_by_a_sign(text: str) -> None:
    # was ValueError: substring not found (layout/dateline.py _parts), found by atheris:
    # «من» followed by a sign that match_key turns into a space
    art = arnews.parse_text(text)
    assert art.text == text


def test_conjunction_with_a_diacritic_does_not_open_a_section() -> None:
    # found by hypothesis (test_marks_change_no_structure): «وَء» with a fatha on its و was
    # taken for a heading while «وء» was not
    plain = arnews.parse_text("ءء\nوء\nءء 0\n")
    marked = arnews.parse_text("ءء\nوَء\nءء 0\n")
    assert [s.heading for s in marked.sections] == [s.heading for s in plain.sections]
