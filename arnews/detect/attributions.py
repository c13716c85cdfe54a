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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Final

import regex

from arnews import data
from arnews.detect.quotes import (
    _regex_space,
    clause_subject,
    cue_patterns,
    occurrences,
    skip_adverbs,
)
from arnews.detect.sources import (
    NP,
    Gender,
    Number,
    lexicon,
    name_words,
    noun_features,
    read_np,
    source_kind,
)
from arnews.text.fold import fold

__all__ = ["RawAttribution", "detect_attributions"]


class RawAttribution:
    """An attribution in folded offsets; ``source`` is ``None`` for «على حد قوله» (a pronoun
    that credits the last speaker of that ``gender``). A plain class (a native class once
    compiled: made and read without Python-level code), never changed after it is made."""

    __slots__ = ("claim", "cue", "gender", "number", "source")

    def __init__(
        self,
        *,
        cue: tuple[int, int],
        source: NP | None,
        claim: tuple[int, int] | None,
        gender: Gender | None = None,
        number: Number = "sg",
    ) -> None:
        self.cue: tuple[int, int] = cue
        self.source: NP | None = source
        self.claim: tuple[int, int] | None = claim
        self.gender: Gender | None = gender
        self.number: Number = number

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RawAttribution):
            return NotImplemented
        return (self.cue, self.source, self.claim, self.gender, self.number) == (
            other.cue,
            other.source,
            other.claim,
            other.gender,
            other.number,
        )

    def __hash__(self) -> int:
        return hash((self.cue, self.source, self.claim, self.gender, self.number))

    def __repr__(self) -> str:
        return (
            f"RawAttribution(cue={self.cue!r}, source={self.source!r}, claim={self.claim!r}, "
            f"gender={self.gender!r}, number={self.number!r})"
        )


def _keys(cues: Sequence[str]) -> tuple[str, ...]:
    """The shortest strings every cue contains one of («حسب» for «وبحسب»): a text or block
    without any of them is skipped with a few substring tests instead of a regex scan.
    Cues of several words that open alike share their first two words and the first
    letters of the third as one key («على حد قوله», «على حد تعبيره» → «على حد»)."""
    keys = {c for c in cues if not any(k != c and k in c for k in cues)}
    groups: dict[str, list[str]] = {}
    for k in keys:
        words = k.split()
        if len(words) > 2:
            groups.setdefault(" ".join(words[:2]), []).append(k)
    for prefix, members in groups.items():
        if len(members) > 1:
            keys -= set(members)
            keys.add(prefix)
    return tuple(sorted(k for k in keys if not any(o != k and o in k for o in keys)))


@functools.cache
def _patterns() -> tuple[
    regex.Pattern[str], frozenset[str], tuple[str, ...], dict[str, tuple[int, ...]]
]:
    """The cue pattern, the legal bases, the key strings, and for each key where it stands
    inside the cues that contain it (a cue is matched only where a key was found)."""
    cues = sorted(
        {fold(v).text for e in data.entries("sources_attribution_cues") for v in e},
        key=lambda w: (-len(w), w),
    )
    # The shortest strings every cue contains one of («حسب» for «وبحسب»): a block without
    # any of them is skipped with a few substring tests instead of a regex scan.
    keys = _keys(cues)
    alternation = "|".join(regex.escape(c) for c in cues)
    # A cue as whole words, then optional «ما» + verb (+ pronoun) and the ل of «وفقاً لـ»:
    # «بحسب ما ذكرت», «وفقا لما نشرته», «حسبما أفاد».
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?P<cue>{alternation})(?![\p{{L}}\p{{M}}])"
        r"(?P<skip>\s*(?:ل|لـ)?(?:\s*ما\s+[\p{L}]+|\s*ما\s*$)?)"
    )
    legal = frozenset(fold(v).text for e in data.entries("sources_not_attribution") for v in e)
    offsets = {k: tuple(sorted({c.find(k) for c in cues if k in c})) for k in keys}
    return pattern, legal, keys, offsets


@functools.cache
def _relay() -> tuple[regex.Pattern[str], dict[str, tuple[int, ...]], frozenset[str]]:
    """The relayed-report cues (``sources_relay_cues.txt``) as a pattern; for each key
    string they contain, where it stands inside them (a cue is matched only where a key
    was found, never by a scan of the whole text); and the basis modifiers."""
    cues = sorted(
        {fold(v).text for e in data.entries("sources_relay_cues") for v in e},
        key=lambda w: (-len(w), w),
    )
    offsets = {k: tuple(sorted({c.find(k) for c in cues if k in c})) for k in _keys(cues)}
    # A relay verb as whole words: «بيان أوردته وكالة», «الأمر الذي أكدته مصادر طبية».
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}])(?:{'|'.join(regex.escape(c) for c in cues)})(?![\p{{L}}\p{{M}}])"
    )
    modifiers = frozenset(fold(v).text for e in data.entries("sources_basis_modifiers") for v in e)
    return pattern, offsets, modifiers


# «على حد قوله» and the like carry their source in the pronoun suffix.
_PRONOUN_CUE: Final = regex.compile(
    r"(?:قوله|قولها|قولهم|تعبيره|تعبيرها|تعبيرهم|وصفه|وصفها|وصفهم)$"
)
_SENTENCE: Final = regex.compile(r"[.!?؟؛]+(?=\s|$)|\n")
# Its characters: the sentence-end marks, and the line break (:func:`_end_before`,
# :func:`_end_after` find them with ``str.find``, not a scan of each character).
_END_MARKS: Final = ".!?؟؛"
_END_CHARS: Final = _END_MARKS + "\n"
# The next word after a cue: «وفقاً لوكالة» → «لوكاله».
_NEXT_WORD: Final = regex.compile(r"\s*([\p{L}]+)")
# «لما» / «ما» and the verb after it: «وفقا لما ذكرته», «بحسب ما أفادت».
_LIMA_VERB: Final = regex.compile(r"لما\s+[\p{L}]+\s*")
_MA_VERB: Final = regex.compile(r"ما\s+[\p{L}]+\s*")
# One word and the spaces after it (the verb in «حسبما أفاد X»).
_ONE_WORD: Final = regex.compile(r"[\p{L}]+\s*")
# A source in quote marks right after the cue (one to three words): «وبحسب "الألمانية"».
_MARKED: Final = regex.compile(r"\s*[«“”\"„](?=[^«»“”\"„\n]{1,40}[»”“\"])")
# Words before a relay verb that make it part of another cue or a passive: «بحسب ما نقلته»,
# «وتم نقلها».
_RELAY_BLOCKERS: Final = frozenset({"ما", "لما", "حسبما", "بحسبما", "وفقما", "تم", "وتم", "كما"})
# The kinds of source a relay verb credits (a news source, not a person's action).
_RELAY_KINDS: Final = frozenset({"agency", "media", "anonymous", "organization"})


class _Sentences:
    """Sentence limits around cues: a local scan of up to 400 characters each way, and, for
    a sentence longer than that, one index of the whole text built on first need and
    looked up by bisection (a text without sentence ends and thousands of cues stays
    linear)."""

    __slots__ = ("_ends", "_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def _index(self) -> list[int]:
        if self._starts is None:
            found = [(m.start(), m.end()) for m in _SENTENCE.finditer(self._text)]
            self._starts = [a for a, _ in found]
            self._ends = [b for _, b in found]
        return self._starts

    def bounds(self, at: int, b0: int, b1: int) -> tuple[int, int]:
        """The sentence around ``at`` inside the block ``[b0, b1)``: after the last end
        within 400 characters before ``at`` (else the block start), up to the next end."""
        text = self._text
        last = _end_before(text, max(b0, at - 400), at)
        start = last if last >= 0 else b0
        near = _end_after(text, at, min(b1, at + 400))
        if near >= 0:
            return start, near
        if at + 400 >= b1:
            return start, b1
        starts = self._index()
        j = bisect_left(starts, at)
        end = starts[j] if j < len(starts) and starts[j] < b1 else b1
        return start, end


def _end_before(text: str, lo: int, at: int) -> int:
    """Where the last match of :data:`_SENTENCE` in ``text[lo:at]`` ends (-1: none): the
    last line break, or the last end mark followed by white space or by ``at``."""
    hi = at
    while True:
        k = -1
        for ch in _END_CHARS:
            j = text.rfind(ch, lo, hi)
            if j > k:
                k = j
        if k < 0:
            return -1
        if text[k] == "\n" or k + 1 == at or _regex_space(text, k + 1):
            return k + 1
        hi = k  # «3.5»: an end mark inside a word ends nothing


def _end_after(text: str, at: int, hi: int) -> int:
    """Where the first match of :data:`_SENTENCE` in ``text[at:hi]`` starts (-1: none): a
    line break, or a run of end marks followed by white space or by ``hi``."""
    lo = at
    while True:
        k = hi
        for ch in _END_CHARS:
            j = text.find(ch, lo, k)
            if j >= 0:
                k = j
        if k == hi:
            return -1
        if text[k] == "\n":
            return k
        e = k + 1
        while e < hi and text[e] in _END_MARKS:
            e += 1
        if e == hi or _regex_space(text, e):
            return k
        lo = e  # «3.5», «...؟!x»: the run ends nothing, nor does any part of it


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
    pattern, legal, keys, offsets = _patterns()
    relay, relay_keys, modifiers = _relay()
    lex = lexicon()
    out: list[RawAttribution] = []
    found = _find_keys(text, keys)
    hits = sorted(at for k in keys for at in found[k])
    # where a cue may start: a key's place less its offset in a cue holding it
    starts = sorted({at - o for k in keys for at in found[k] for o in offsets[k] if at >= o})
    relays = _relay_matches(text, relay, relay_keys)
    if not hits and not relays:
        return out
    sentences = _Sentences(text)
    if relays:
        out = _relayed(text, blocks, relays, hits, pattern, sentences)
    for b0, b1, role in blocks:
        if role == "dateline":
            continue
        k = bisect_left(hits, b0)
        if k == len(hits) or hits[k] >= b1:
            continue
        for m in _cues_at(text, pattern, starts, b0, b1):
            cue_text = m.group("cue")
            cue = (m.start("cue"), m.end("cue"))
            s0, s1 = sentences.bounds(m.start(), b0, b1)
            if _PRONOUN_CUE.search(cue_text):
                gender: Gender = "f" if cue_text.endswith("ها") else "m"
                number: Number = "pl" if cue_text.endswith("هم") else "sg"
                out.append(
                    RawAttribution(
                        cue=cue,
                        source=_subject_of_sentence(text, s0, m.start(), gender, number),
                        claim=_claim(text, s0, s1, m.start(), m.end()),
                        gender=gender,
                        number=number,
                    )
                )
                continue
            pos = m.end()
            marked = _MARKED.match(text, pos, b1)
            if marked is not None:
                pos = marked.end()  # «وبحسب "الألمانية"»
            # «وفقاً لـ»: the ل glued to the source («لوكالة»), or «لما ذكرته»
            word = _NEXT_WORD.match(text, pos, min(b1, pos + 40))
            if word is None:
                continue
            w = word.group(1)
            np_at = word.start(1)
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
                vm = _LIMA_VERB.match(text, np_at, min(b1, np_at + 40))
                if vm is None:
                    continue
                np_at = vm.end()
            elif w == "ما":
                vm = _MA_VERB.match(text, np_at, min(b1, np_at + 40))
                if vm is None:
                    continue
                np_at = vm.end()
            if np_at > pos:
                np_at = _past_time_words(text, np_at, b1)  # «بحسب ما أفادت الأربعاء منظمة»
            np = read_np(text, np_at, b1)
            if np is None:
                continue
            words = name_words(np.text) or np.text.split()
            head = words[0] if words else ""
            if len(words) > 1 and (head in modifiers or head[1:] in modifiers):
                head = words[1]  # «وفقاً لأعلى معايير الجودة»: the basis is «معايير»
            if head in legal or (head.startswith("ل") and head[1:] in legal):
                continue
            if head in lex.stops or head in lex.nonspeakers:
                continue
            out.append(
                RawAttribution(cue=cue, source=np, claim=_claim(text, s0, s1, m.start(), np.end))
            )
    out.sort(key=_cue_of)
    return out


def _cue_of(a: RawAttribution) -> tuple[int, int]:
    return a.cue


@functools.cache
def _key_groups(keys: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The keys to scan for: three or more keys opening with the same word are found by one
    scan for that word and a space, then a ``startswith`` test at each place («كما يزعم»,
    «كما تدعي», «كما يدعي», «كما تزعم»: one scan for «كما »); any other key is a scan of its
    own, ``(key, (key,))``."""
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(k.split(" ", 1)[0] + " " if " " in k else k, []).append(k)
    out: list[tuple[str, tuple[str, ...]]] = []
    for prefix, members in groups.items():
        if len(members) >= 3:
            out.append((prefix, tuple(members)))
        else:
            out.extend((m, (m,)) for m in members)
    return tuple(out)


def _find_keys(text: str, keys: tuple[str, ...]) -> dict[str, list[int]]:
    """Every place of each key in ``text`` (as :func:`occurrences` finds them, key by key),
    with one scan for the keys of a group of :func:`_key_groups`."""
    found: dict[str, list[int]] = {}
    for prefix, members in _key_groups(keys):
        places = occurrences(text, prefix)
        if len(members) == 1:
            found[prefix] = places
        else:
            for k in members:
                found[k] = [at for at in places if text.startswith(k, at)] if places else []
    return found


def _cues_at(
    text: str, pattern: regex.Pattern[str], starts: list[int], b0: int, b1: int
) -> list[regex.Match[str]]:
    """``pattern.finditer(text, b0, b1)``, tried only at the possible ``starts`` (every cue
    holds a key, so no match starts elsewhere): the same matches, without a scan."""
    out: list[regex.Match[str]] = []
    after = b0
    for at in starts[bisect_left(starts, b0) : bisect_left(starts, b1)]:
        if at < after:
            continue  # inside the match before (finditer goes on after it)
        m = pattern.match(text, at, b1)
        if m is not None:
            out.append(m)
            after = m.end()
    return out


def _subject_of_sentence(text: str, s0: int, at: int, gender: Gender, number: Number) -> NP | None:
    """The referent of «على حد قولها» when its own sentence opens with a verb and a subject
    that agree with the pronoun: «أطلقت هيفاء سبيع حملتها ...، على حد قولها» → «هيفاء»;
    ``None`` otherwise (the pronoun is then resolved like a pronoun speaker)."""
    if at - s0 > 400:
        return None  # no sentence start near: no subject to read (and no long scan)
    found = clause_subject(text, s0, at)
    if found is None:
        return None
    np, verb = found
    verb = verb[1:] if verb[:1] in ("و", "ف") and len(verb) > 3 else verb
    if verb in cue_patterns().forms:
        return None  # «وتضيف الكثير يشجعونني ...»: the speaker of that quote is meant
    _, s_number, human = noun_features(np.text)
    feminine_verb = verb.endswith("ت") or verb.startswith("ت")
    if number == "pl":
        return np if human and s_number == "pl" else None
    if s_number != "sg" or feminine_verb != (gender == "f"):
        return None
    return np


def _past_time_words(text: str, at: int, end: int) -> int:
    """``at`` moved past time words after the verb of «بحسب ما أفادت الأربعاء منظمة ...»."""
    back = at
    while back > 0 and text[back - 1].isspace():
        back -= 1
    after = skip_adverbs(text, back, end)
    return after if after > back else at


def _relayed(
    text: str,
    blocks: Sequence[tuple[int, int, str]],
    relays: list[regex.Match[str]],
    hits: list[int],
    cue_pattern: regex.Pattern[str],
    sentences: _Sentences,
) -> list[RawAttribution]:
    """Relayed reports: «في بيان أوردته وكالة الأنباء الفلسطينية "وفا"» credits the agency;
    «الأمر الذي أكدته مصادر طبية» the sources. Not after «ما» (part of «بحسب ما نقلته»),
    not when another cue stands earlier in the sentence, and only for a news source."""
    out: list[RawAttribution] = []
    block_starts = [b[0] for b in blocks]
    for m in relays:
        at = m.start()
        n = bisect_right(block_starts, at) - 1
        if n < 0 or at >= blocks[n][1] or blocks[n][2] == "dateline":
            continue
        b0, b1, _ = blocks[n]
        k = at
        while k > b0 and text[k - 1].isspace():
            k -= 1
        j = k
        while j > b0 and not text[j - 1].isspace():
            j -= 1
        if text[j:k] in _RELAY_BLOCKERS or j == k:
            continue
        s0, s1 = sentences.bounds(at, b0, b1)
        # another cue earlier in the sentence («حسبما أفادت نتائج استطلاع نشرته صحيفة»),
        # looked for in the 400 characters before (bounded work per relay)
        k = bisect_left(hits, max(s0, at - 400))
        if (
            k < len(hits)
            and hits[k] < at
            and cue_pattern.search(text, max(s0, hits[k] - 10), at) is not None
        ):
            continue
        np_at = _past_time_words(text, m.end(), b1)
        np = read_np(text, np_at, b1)
        if np is None or source_kind(np.text) not in _RELAY_KINDS:
            continue
        out.append(
            RawAttribution(cue=(at, m.end()), source=np, claim=_claim(text, s0, s1, at, np.end))
        )
    return out


def _relay_matches(
    text: str, pattern: regex.Pattern[str], offsets: dict[str, tuple[int, ...]]
) -> list[regex.Match[str]]:
    """The relay cues of ``text``, matched only where one of their keys stands."""
    found: dict[int, regex.Match[str]] = {}
    for key, offs in offsets.items():
        for at in occurrences(text, key):
            for off in offs:
                if at - off >= 0 and at - off not in found:
                    m = pattern.match(text, at - off)
                    if m is not None:
                        found[m.start()] = m
                        break
    return [found[k] for k in sorted(found)]


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
