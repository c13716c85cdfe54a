"""Attributions: information credited to a source without a speech verb.

«وبحسب تقارير إعلامية، ناقش ...», «وفقاً لوكالة رويترز», «نقلاً عن مصادر مطلعة»,
«بحسب ما ذكرت صحيفة "هآرتس"», «على حد تعبيره» (conventions §2.1, GOLD.md). A cue is
followed by the source phrase, read with :func:`arnews.detect.sources.read_np`; «ما» + a
verb after the cue («بحسب ما أفادت») is skipped. A legal or procedural basis («وفقاً للمادة
السادسة», «حسب الحاجة») is not an attribution. The claim is the rest of the sentence.

>>> from arnews.text.fold import fold
>>> f = fold("وبحسب تقارير إعلامية، ناقش الأمير الملف.")
>>> a = detect_attributions(f)[0]
>>> f.text[a.source.start:a.source.end], f.text[a.cue[0]:a.cue[1]]
('تقارير اعلاميه', 'وبحسب')
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Final

import attrs
import regex

from arnews import data
from arnews.detect.sources import NP, Gender, lexicon, name_words, read_np
from arnews.text.fold import fold

__all__ = ["RawAttribution", "detect_attributions"]


@attrs.frozen(kw_only=True)
class RawAttribution:
    """An attribution in folded offsets; ``source`` is ``None`` for «على حد قوله» (a pronoun
    that credits the last speaker of that ``gender``)."""

    cue: tuple[int, int]
    source: NP | None
    claim: tuple[int, int] | None
    gender: Gender | None = None


@functools.cache
def _patterns() -> tuple[regex.Pattern[str], frozenset[str]]:
    cues = sorted(
        {fold(v).text for e in data.entries("sources_attribution_cues") for v in e},
        key=lambda w: (-len(w), w),
    )
    alternation = "|".join(regex.escape(c) for c in cues)
    # A cue as whole words, then optional «ما» + verb (+ pronoun) and the ل of «وفقاً لـ»:
    # «بحسب ما ذكرت», «وفقا لما نشرته», «حسبما أفاد».
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?P<cue>{alternation})(?![\p{{L}}\p{{M}}])"
        r"(?P<skip>\s*(?:ل|لـ)?(?:\s*ما\s+[\p{L}]+|\s*ما\s*$)?)"
    )
    legal = frozenset(fold(v).text for e in data.entries("sources_not_attribution") for v in e)
    return pattern, legal


# «على حد قوله» and the like carry their source in the pronoun suffix.
_PRONOUN_CUE: Final = regex.compile(
    r"(?:قوله|قولها|قولهم|تعبيره|تعبيرها|تعبيرهم|وصفه|وصفها|وصفهم)$"
)
_SENTENCE: Final = regex.compile(r"[.!?؟؛]+(?=\s|$)|\n")
# One word and the spaces after it (the verb in «حسبما أفاد X»).
_ONE_WORD: Final = regex.compile(r"[\p{L}]+\s*")


def _sentence_bounds(text: str, at: int, b0: int, b1: int) -> tuple[int, int]:
    start = b0
    for m in _SENTENCE.finditer(text, max(b0, at - 400), at):
        start = m.end()
    m2 = _SENTENCE.search(text, at, b1)
    end = m2.start() if m2 is not None else b1
    return start, end


def detect_attributions(
    folded: object, blocks: Sequence[tuple[int, int, str]] | None = None
) -> list[RawAttribution]:
    """Find attribution cues and their sources in a folded article.

    Args:
        folded: the folded view (:class:`~arnews.text.fold.Folded`).
        blocks: ``(start, end, role)`` in folded offsets; by default the whole text is one block.

    Returns:
        The attributions in text order.

    >>> f = fold("وفقاً للمادة السادسة يعاقب المخالف.")
    >>> detect_attributions(f)
    []
    """
    text: str = folded.text  # type: ignore[attr-defined]
    if blocks is None:
        blocks = [(0, len(text), "paragraph")]
    pattern, legal = _patterns()
    lex = lexicon()
    out: list[RawAttribution] = []
    for b0, b1, role in blocks:
        if role == "dateline":
            continue
        for m in pattern.finditer(text, b0, b1):
            cue_text = m.group("cue")
            cue = (m.start("cue"), m.end("cue"))
            s0, s1 = _sentence_bounds(text, m.start(), b0, b1)
            if _PRONOUN_CUE.search(cue_text):
                gender: Gender = "f" if cue_text.endswith("ها") else "m"
                out.append(
                    RawAttribution(
                        cue=cue,
                        source=None,
                        claim=_claim(text, s0, s1, m.start(), m.end()),
                        gender=gender,
                    )
                )
                continue
            pos = m.end()
            # «وفقاً لـ»: the ل glued to the source («لوكالة»), or «لما ذكرته»
            word = regex.match(r"\s*([\p{L}]+)", text[pos : min(b1, pos + 40)])
            if word is None:
                continue
            w = word.group(1)
            np_at = pos + word.start(1)
            if (
                cue_text.startswith(("وفق", "ووفق", "طبق", "وطبق"))
                and w.startswith("ل")
                and not w.startswith("لما")
            ):
                np_at += 1
                w = w[1:]
            if cue_text.endswith("ما") and not w.startswith("ل"):
                vm = _ONE_WORD.match(text, np_at, b1)
                if vm is None:
                    continue
                np_at = vm.end()
            elif w.startswith("لما"):
                vm = regex.match(r"لما\s+[\p{L}]+\s*", text[np_at : min(b1, np_at + 40)])
                if vm is None:
                    continue
                np_at += vm.end()
            elif w == "ما":
                vm = regex.match(r"ما\s+[\p{L}]+\s*", text[np_at : min(b1, np_at + 40)])
                if vm is None:
                    continue
                np_at += vm.end()
            np = read_np(text, np_at, b1)
            if np is None:
                continue
            words = name_words(np.text) or np.text.split()
            head = words[0] if words else ""
            if head in legal or (head.startswith("ل") and head[1:] in legal):
                continue
            if head in lex.stops or head in lex.nonspeakers:
                continue
            out.append(
                RawAttribution(cue=cue, source=np, claim=_claim(text, s0, s1, m.start(), np.end))
            )
    return out


def _claim(text: str, s0: int, s1: int, a: int, b: int) -> tuple[int, int] | None:
    """The sentence around the cue phrase ``[a, b)``, without it: the longer side."""
    left = (s0, a)
    right = (b, s1)
    side = left if (a - s0) >= (s1 - b) else right
    x, y = side
    while x < y and text[x] in " \t،,:":
        x += 1
    while y > x and text[y - 1] in " \t،,:":
        y -= 1
    return (x, y) if y > x else None
