"""The cheap tests that let the HTML reader skip work answer «maybe» whenever the full test
would find something (they may say «maybe» more often, never less)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arnews.read import meta
from arnews.read.html_tree import Tree

# class and id values built from byline words in any case, with characters that lower-case
# oddly («İ» to two characters, «ı», the Kelvin sign to «k»), camelCase and separators
_PIECES = st.sampled_from(
    [
        *("author", "AUTHOR", "Author", "byline", "BYLINE", "writer", "WRITER", "kateb"),
        *("\u212aATEB", "BYL\u0130NE", "wr\u0131ter", "post", "Box", " ", "-", "_", "\n"),
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_author_prefilter_misses_no_byline_word(values: str) -> None:
    tree = Tree()
    tree.classes.append(values)
    tree.ids.append(None)
    if meta.class_words(tree, 0) & meta._AUTHOR_CLASSES:
        assert meta._may_name_author(values)


def test_the_author_prefilter_skips_pages_without_byline_words() -> None:
    assert not meta._may_name_author("share-box\nsidebar col-md-4\nmain")
    assert meta._may_name_author("Post-Byline")
    assert meta._may_name_author("\u212aATEB")  # the Kelvin sign lowers to «k»
    assert meta._may_name_author("postAuthor")


def _cues() -> list[tuple[str, str]]:
    from arnews import data

    return [(cue, entry[0]) for entry in data.entries("html_date_cues") for cue in entry[1:]]


def test_every_date_cue_passes_the_prefilter_of_its_kind() -> None:
    # «تم نشره», «تم تحديثه», «تاريخ النشر» hold «نشر»/«تحديث» only inside a word: each is
    # looked for as it is, not through the shorter cue
    for cue, kind in _cues():
        text = f"الصفحة الرئيسية\n{cue}: الأربعاء 12 مايو 2020\nاقرأ أيضا"
        assert meta._may_hold_cue(text), cue
        assert meta._may_hold_cue(text, kind), cue


_PIECES = st.sampled_from(
    [
        *(cue for cue, _ in _cues()),
        "انتشر",
        "الخبر",
        " ",
        "\n",
        ":",
        "ه",
        "ُ",
        "ـ",
        "2020",
        "ال",
        "UPDATED",
        "pUbLiShEd",
        "\u200c",  # zero-width non-joiner, folded away
        "\u064e",  # fatha, folded away
        "\u212a",  # the Kelvin sign, a letter once lower-cased
        "\ufee7\ufeb8\ufeae",  # «نشر» in presentation forms, folded by NFKC
        "\ufef7",  # lam-alef with hamza in one presentation form
        "\ufeff",  # a byte-order mark (not a presentation form, also starts with 0xEF)
        "x",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_cue_prefilter_misses_no_cue(text: str) -> None:
    pattern, kinds = meta._cue_pattern()
    for m in pattern.finditer(meta.fold(text).text):
        kind = kinds.get(m.group().lower(), "published")
        assert meta._may_hold_cue(text), m.group()
        assert meta._may_hold_cue(text, kind), m.group()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_machine_dates_skip_folding_only_where_folding_changes_nothing(value: str) -> None:
    # parse_machine_date reads an ASCII value as it is: folding must leave ASCII unchanged
    assert meta.fold(value).text == value
