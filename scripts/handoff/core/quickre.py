"""Quicker regexes with the same answers: `quick(pattern, flags)`, like `re.compile`, is not run on a
text that cannot hold a match, and then behind a lookahead of the characters a match opens with
(`opened(pattern)`); `any_of(strings)` is an alternation of literals as a trie.

Python's `re` tries a case-insensitive word alternation (`\\b(?:grow|double|forecast|…)`) at
every position of a text, which costs microseconds per sentence for each of the reader's word
tests. `quick(pattern)` works out, once and from the pattern itself, literal pieces one of which
every match must contain (`grow`, `double`, `forecast`, …), and answers "no match" without
running the regex when the text holds none of them; otherwise it runs the regex as written. The
answers are the regex's own, whatever is later added to the pattern: its pieces are derived again
from the pattern at import. A pattern with no such pieces (one that can match without any
literal, or uses scoped flags) is returned as it is.

Case-insensitive patterns compare lower-cased pieces with the lower-cased text; the few
non-ASCII letters that `re` matches to an ASCII letter under IGNORECASE (İ ı ſ K) make the
regex run as written. A piece holds ASCII characters and characters without case (arrows, dashes,
`×`), which lowering keeps and `re` matches only as themselves; a pattern whose pieces need a
non-ASCII letter gets none.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, cast

Needles = frozenset[str]
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)


_last_lowered = ("", "")  # (text, text.lower()): the word tests of a sentence ask one after another


def _lowered(text: str) -> str:
    global _last_lowered
    last = _last_lowered  # (one read of a tuple: safe when threads share it)
    if last[0] is text:
        return last[1]
    low = text.lower()
    _last_lowered = (text, low)
    return low


_last_folds = (
    "",
    False,
)  # (text, whether it holds a letter `re` folds to ASCII): asked one test after another


def _folds_to_ascii(text: str) -> bool:
    """Whether a text that is not ASCII holds one of the letters `re` matches to an ASCII letter
    under IGNORECASE (worked out once for the word tests of a text in turn)."""
    global _last_folds
    last = _last_folds  # (one read of a tuple: safe when threads share it)
    if last[0] is text:
        return last[1]
    # the non-ASCII letters `re` matches to an ASCII letter under IGNORECASE: İ ı ſ K (four scans in C)
    found = "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text
    _last_folds = (text, found)
    return found


class _Scoped(Exception):
    """The pattern switches flags inside (`(?i:…)`): no pieces are derived."""


class QuickPattern:
    """A compiled pattern behind a test for the literal pieces every match contains (run, when it
    may match, behind a lookahead of the characters a match opens with: `opened`)."""

    def __init__(self, pattern: re.Pattern[str], needles: Needles) -> None:
        self.pattern_object = opened(pattern)
        # a piece holding another is redundant: a text with "growth" has "grow"
        self.needles = tuple(sorted(n for n in needles if not any(m != n and m in n for m in needles)))
        self.folded = bool(pattern.flags & re.IGNORECASE)
        self.pattern = pattern.pattern
        self.flags = pattern.flags
        self.groups = pattern.groups
        self.groupindex = pattern.groupindex

    @functools.cached_property
    def branches(self) -> Branches | None:
        """The pieces' second test (`_held`), worked out the first time a text holds one of the pieces
        rather than at import: most patterns of a process never get that far."""
        return required_branches(re.compile(self.pattern, self.flags))

    @functools.cached_property
    def alternatives(self) -> Alternatives | None:
        """The pattern's outermost alternation, to run with only the branches a text can match
        (`Alternatives`), worked out the first time it runs."""
        return alternatives(re.compile(self.pattern, self.flags))

    def _runner(self, text: str) -> re.Pattern[str] | None:
        """What runs on `text` once it may hold a match: the pattern without the branches of its outermost
        alternation that `text` cannot match (`Alternatives.variant`), None when none can."""
        found = self.alternatives
        if found is None:
            return self.pattern_object
        if self.folded:
            if not text.isascii() and _folds_to_ascii(text):
                return self.pattern_object  # (its pieces say nothing of such a text)
            last = _last_lowered
            hay = last[1] if last[0] is text else _lowered(text)
        else:
            hay = text
        return found.variant(found.mask(hay), self.pattern_object)

    def possible(self, text: str) -> bool:
        """False only when no match can exist in `text`."""
        if self.folded:  # (`_lowered` written out here and in `search`: asked some 2,000 times a parse)
            last = _last_lowered
            hay = last[1] if last[0] is text else _lowered(text)
        else:
            hay = text
        for needle in self.needles:  # (a loop: quicker than any() over a generator)
            if needle in hay:
                if self.branches is None or _held(hay, self.branches):
                    return True
                break
        return self.folded and not text.isascii() and _folds_to_ascii(text)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        # (`possible` written out: the reader's most frequent call)
        if self.folded:
            last = _last_lowered
            hay = last[1] if last[0] is text else _lowered(text)
        else:
            hay = text
        for needle in self.needles:
            if needle in hay:
                if self.branches is None or _held(hay, self.branches):
                    run = self._runner(text)
                    return run.search(text, *args) if run is not None else None
                break
        if self.folded and not text.isascii() and _folds_to_ascii(text):
            return self.pattern_object.search(text, *args)
        return None

    def match(self, text: str, *args: Any) -> re.Match[str] | None:
        run = self._runner(text) if self.possible(text) else None
        return run.match(text, *args) if run is not None else None

    def fullmatch(self, text: str, *args: Any) -> re.Match[str] | None:
        run = self._runner(text) if self.possible(text) else None
        return run.fullmatch(text, *args) if run is not None else None

    def finditer(self, text: str, *args: Any) -> Iterator[re.Match[str]]:
        run = self._runner(text) if self.possible(text) else None
        return run.finditer(text, *args) if run is not None else iter(())

    def findall(self, text: str, *args: Any) -> list[Any]:
        run = self._runner(text) if self.possible(text) else None
        return run.findall(text, *args) if run is not None else []

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        run = self._runner(text) if self.possible(text) else None
        return run.sub(repl, text, count) if run is not None else text

    def subn(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> tuple[str, int]:
        run = self._runner(text) if self.possible(text) else None
        return run.subn(repl, text, count) if run is not None else (text, 0)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        run = self._runner(text) if self.possible(text) else None
        return run.split(text, maxsplit) if run is not None else [text]

    def __repr__(self) -> str:
        return f"quick({self.pattern_object!r})"


class _FoldedQuick(QuickPattern):
    """A case-insensitive `QuickPattern`: its pieces compared with the lowered text, the letters `re`
    folds to ASCII let through (`QuickPattern.search` and `possible` without their test of the flag:
    the reader asks some 2,700 times a parse)."""

    def possible(self, text: str) -> bool:
        last = _last_lowered
        hay = last[1] if last[0] is text else _lowered(text)
        for needle in self.needles:
            if needle in hay:
                if self.branches is None or _held(hay, self.branches):
                    return True
                break
        return not text.isascii() and _folds_to_ascii(text)

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        last = _last_lowered
        hay = last[1] if last[0] is text else _lowered(text)
        for needle in self.needles:
            if needle in hay:
                if self.branches is None or _held(hay, self.branches):
                    run = self._runner(text)
                    return run.search(text, *args) if run is not None else None
                break
        if not text.isascii() and _folds_to_ascii(text):
            return self.pattern_object.search(text, *args)
        return None


class _CasedQuick(QuickPattern):
    """A case-sensitive `QuickPattern`: its pieces compared with the text as it is."""

    def possible(self, text: str) -> bool:
        for needle in self.needles:
            if needle in text:
                return self.branches is None or _held(text, self.branches)
        return False

    def search(self, text: str, *args: Any) -> re.Match[str] | None:
        for needle in self.needles:
            if needle in text:
                if self.branches is None or _held(text, self.branches):
                    run = self._runner(text)
                    return run.search(text, *args) if run is not None else None
                return None
        return None


_MIN_BRANCHES = 2
_MAX_VARIANTS = 64  # the cut patterns kept for one pattern (a variant is compiled once)


class Alternatives:
    """A pattern's outermost alternation (`a|b|c`) run with only the branches a text can match.

    `re` tries every branch of an alternation at every position of a text; a long one of clauses
    (words, spaces, lazy runs up to a word, lookbehinds) costs tens of microseconds a sentence,
    though most of its branches need a word the sentence does not hold. A match is a match of one
    branch, and holds a piece of each of that branch's literal requirements (`_requirements`): a
    branch with a requirement none of whose pieces the text holds matches nowhere in it. The
    pattern run on the text is the pattern without such branches: one holding a group is kept
    opened by `(?!)`, which fails at once, so that every group keeps its number and name; the
    branches left are tried in the same order, so the same match is found. A text no branch can
    match gets no match without a run. The source is cut where the parser cuts it (checked at
    build). The variants are compiled once each, as texts ask for them, at most `_MAX_VARIANTS`
    (then the pattern runs whole)."""

    def __init__(
        self,
        pattern: re.Pattern[str],
        parts: list[str],
        requirements: list[tuple[tuple[str, ...], ...]],
        grouped: list[bool],
    ) -> None:
        self.flags = pattern.flags
        self.groups = pattern.groups
        self.groupindex = dict(pattern.groupindex)
        self.parts = parts
        self.requirements = requirements  # per branch: its requirements (each: pieces, one needed)
        self.grouped = grouped  # per branch: whether it holds a group
        self.whole = (1 << len(parts)) - 1
        self.variants: dict[int, re.Pattern[str] | None] = {0: None}  # (no branch can match: no match)

    def mask(self, hay: str) -> int:
        """The branches `hay` (lowered for a pattern that ignores case) can match: bit i for branch i."""
        mask = 0
        bit = 1
        for options in self.requirements:
            for pieces in options:
                for piece in pieces:
                    if piece in hay:
                        break
                else:
                    break  # (a requirement of this branch unmet)
            else:
                mask |= bit
            bit <<= 1
        return mask

    def variant(self, mask: int, whole: re.Pattern[str]) -> re.Pattern[str] | None:
        """The pattern with only the branches of `mask` (`whole` for all of them; None for none)."""
        if mask == self.whole:
            return whole
        try:
            return self.variants[mask]
        except KeyError:
            pass
        if len(self.variants) > _MAX_VARIANTS:
            return whole
        kept = [
            part if mask >> i & 1 else "(?!)" + part
            for i, part in enumerate(self.parts)
            if mask >> i & 1 or self.grouped[i]
        ]
        found = opened(re.compile("|".join(kept), self.flags))
        if found.groups != self.groups or dict(found.groupindex) != self.groupindex:
            found = whole  # (never: the build checked the groups)
        self.variants[mask] = found
        return found


def _top_parts(source: str) -> list[str]:
    """`source` cut at each `|` outside brackets, classes and escapes: its outermost alternation's
    branches (one part when it has none)."""
    parts: list[str] = []
    depth = start = i = 0
    n = len(source)
    while i < n:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: to its first `]` not escaped nor first (`[]…]`, `[^]…]`)
            i += 1
            if i < n and source[i] == "^":
                i += 1
            if i < n and source[i] == "]":
                i += 1
            while i < n and source[i] != "]":
                i += 2 if source[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def alternatives(pattern: re.Pattern[str]) -> Alternatives | None:
    """The outermost alternation of `pattern` as `Alternatives`, or None: fewer than `_MIN_BRANCHES`
    branches, none with a literal requirement, none that `re` searches its way through
    (`_searching`), a verbose pattern, inline flags or a comment, or branches the source cannot be
    cut into as the parser reads them."""
    source, flags = pattern.pattern, pattern.flags
    if flags & re.VERBOSE or "(?#" in source or _FLAGS_FIRST.match(source):
        return None
    parts = _top_parts(source)
    if len(parts) < _MIN_BRANCHES:
        return None
    shut = "|".join("(?!)" + p for p in parts)
    try:  # each part a branch as the parser reads it: `(?!)` before each, the top a branch per part
        top = list(sre_parse.parse(shut, flags))
        if len(top) != 1 or top[0][0] is not sre.BRANCH or len(top[0][1][1]) != len(parts):
            return None
        branches = top[0][1][1]
        if not all(_shut(branch) for branch in branches):
            return None
        folded = bool(flags & re.IGNORECASE)
        requirements = [
            tuple(o for o in _requirements(branch, folded) if o and all(_caseless_beyond_ascii(n) for n in o))
            for branch in branches
        ]
    except (_Scoped, re.error):
        return None
    if not any(requirements) or not any(_searching(branch[1:]) for branch in branches):
        return None
    found = Alternatives(pattern, parts, requirements, [_grouped(branch) for branch in branches])
    compiled = re.compile(shut, flags)
    if compiled.groups != found.groups or dict(compiled.groupindex) != found.groupindex:
        return None
    return found


def _shut(branch: Any) -> bool:
    """Whether a parsed branch opens with `(?!)`, an assertion that always fails."""
    return len(branch) > 0 and branch[0][0] is sre.ASSERT_NOT and len(branch[0][1][1]) == 0


def _searching(items: Any) -> bool:
    """Whether a parsed pattern repeats something more than once or looks around: `re` searches its
    ways through a text with it (an alternation of words and fixed pieces it tries in one step a
    place, quicker than the test of every branch's pieces in a long text)."""
    for op, av in items:
        if op in _REPEATS and (av[1] > 1 or _searching(av[2])):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) or op is getattr(sre, "ATOMIC_GROUP", None):
            return True
        if op is sre.SUBPATTERN and _searching(av[3]):
            return True
        if op is sre.BRANCH and any(_searching(b) for b in av[1]):
            return True
    return False


def _grouped(items: Any) -> bool:
    """Whether a parsed pattern holds a capturing group (or a conditional on one)."""
    for op, av in items:
        if op is sre.SUBPATTERN and (av[0] is not None or _grouped(av[3])):
            return True
        if op is sre.BRANCH and any(_grouped(b) for b in av[1]):
            return True
        if op in _REPEATS and _grouped(av[2]):
            return True
        if op in (sre.ASSERT, sre.ASSERT_NOT) and _grouped(av[1]):
            return True
        if op is getattr(sre, "ATOMIC_GROUP", None) and _grouped(av):
            return True
        if op is sre.GROUPREF_EXISTS:
            return True
    return False


def quick(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, tested for its literal pieces before it runs (the plain
    compiled pattern when it has none)."""
    compiled = re.compile(pattern, flags)
    needles = required_pieces(compiled)
    if not needles:
        return compiled
    kind = _FoldedQuick if compiled.flags & re.IGNORECASE else _CasedQuick
    return cast(re.Pattern[str], kind(compiled, needles))  # the same methods


def possible(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` has no match in `text`: a `quick()` pattern's literal pieces are all
    missing from it (always True for a pattern without pieces)."""
    test = getattr(pattern, "possible", None)
    return True if test is None else bool(test(text))


class Pieces:
    """A reader's gate built from the patterns it runs: `possible(text)` is False only when none of
    `patterns` can match in `text` (no text holds a literal piece of any of them, compared lower case:
    a piece in a text is in its lowered form too). A string among them is a literal piece itself. A
    pattern without pieces is refused at import."""

    def __init__(self, *patterns: re.Pattern[str] | str) -> None:
        needles: set[str] = set()
        self.folded = False
        for p in patterns:
            if isinstance(p, str):
                found: Needles | None = frozenset([p]) if p else None
            elif isinstance(p, QuickPattern):
                found = frozenset(p.needles)
                self.folded = self.folded or p.folded
            else:
                found = required_pieces(p)
                self.folded = self.folded or bool(p.flags & re.IGNORECASE)
            if not found:
                raise ValueError(f"no literal pieces in {p!r}")
            needles |= {n.lower() for n in found}
        self.needles = tuple(sorted(n for n in needles if not any(m != n and m in n for m in needles)))

    def possible(self, text: str) -> bool:
        hay = _lowered(text)
        for needle in self.needles:
            if needle in hay:
                return True
        return self.folded and not text.isascii() and _folds_to_ascii(text)


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_FLAGS_FIRST = re.compile(r"\(\?[aiLmsux-]")  # a pattern opening with inline flags: left as it is


class _Untold(Exception):
    """The characters a match opens with cannot be told from the pattern."""


def opened(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` behind a lookahead of the characters a match of it can open with (`(?=[…])(?:…)`):
    the same matches, groups and flags. `re` tries a pattern at every position of a text (a word
    alternation branch by branch at every word); the lookahead turns most positions down in one
    step. The set is the pattern's own, worked out from it (its assertions skipped, its optional
    parts' characters added to what follows); the class is compiled with the pattern's flags, so
    case folds as it does for the pattern's letters. `pattern` itself when the set cannot be told:
    a match may be empty or open with `.`, a negated class or a back-reference; flags switched
    inside; a verbose pattern."""
    if pattern.flags & re.VERBOSE or _FLAGS_FIRST.match(pattern.pattern):
        return pattern
    try:
        chars, empty = _opening(sre_parse.parse(pattern.pattern, pattern.flags))
    except _Untold:
        return pattern
    if empty or not chars:
        return pattern
    return re.compile(f"(?=[{''.join(dict.fromkeys(chars))}])(?:{pattern.pattern})", pattern.flags)


def _opening(items: Any) -> tuple[list[str], bool]:
    """(the class items a match of `items` can open with, whether it can match nothing)."""
    out: list[str] = []
    for op, av in items:
        if op is sre.ASSERT_NOT and len(av[1]) == 0:
            return out, False  # (`(?!)`: no match at all, a branch `Alternatives` shut)
        if op in _ZERO_WIDTH:
            continue
        chars, empty = _opening_item(op, av)
        out += chars
        if not empty:
            return out, False
    return out, True


def _opening_item(op: Any, av: Any) -> tuple[list[str], bool]:
    if op is sre.LITERAL:
        return [f"\\U{av:08x}"], False
    if op is sre.IN:
        return [_class_item(item, value) for item, value in av], False
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _Untold
        return _opening(inner)
    if op is sre.BRANCH:
        out, empty = [], False
        for branch in av[1]:
            chars, may = _opening(branch)
            out += chars
            empty = empty or may
        return out, empty
    if op in _REPEATS:
        low, _high, inner = av
        chars, empty = _opening(inner)
        return chars, empty or low == 0
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _opening(av)
    raise _Untold


def _class_item(item: Any, value: Any) -> str:
    if item is sre.LITERAL:
        return f"\\U{value:08x}"
    if item is sre.RANGE:
        return f"\\U{value[0]:08x}-\\U{value[1]:08x}"
    if item is sre.CATEGORY and value in _CATEGORIES:
        return _CATEGORIES[value]
    raise _Untold  # a negated class


def required_pieces(pattern: re.Pattern[str]) -> Needles | None:
    """Literal strings, one of which every match of `pattern` contains (lower-cased when the
    pattern ignores case; ASCII letters and characters without case only, `→`, `—`, `×`), or None
    when there are none to be had."""
    try:
        found = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except _Scoped:
        return None
    if not found or not all(_caseless_beyond_ascii(n) for n in found):
        return None
    return frozenset(n.lower() for n in found) if pattern.flags & re.IGNORECASE else found


Branches = tuple[tuple[tuple[str, ...], ...], ...]


def required_branches(pattern: re.Pattern[str]) -> Branches | None:
    """Every literal requirement of each branch of the pattern's outermost alternation (the pattern
    itself is one branch when it opens none): a match is a match of one branch, and it holds a piece
    of each of that branch's requirements (as `required_pieces` finds them, lower-cased when the
    pattern ignores case; a requirement with a piece of other letters left out). `_held` asks them
    of a text that holds one of the pattern's pieces: in a long alternation the one requirement
    `required_pieces` picks is often a common word (`deployment`, `cluster`) that another part of
    the same branch (`not`, `excluded`) rules out. None when they can say no more than the pieces."""
    try:
        items = [
            (op, av) for op, av in sre_parse.parse(pattern.pattern, pattern.flags) if op not in _ZERO_WIDTH
        ]
        if len(items) == 1 and items[0][0] is sre.SUBPATTERN and not (items[0][1][1] or items[0][1][2]):
            items = [(op, av) for op, av in items[0][1][3] if op not in _ZERO_WIDTH]
        branches = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
        folded = bool(pattern.flags & re.IGNORECASE)
        out = []
        for branch in branches:
            options = [
                o
                for o in _requirements(branch, folded)
                if all(_caseless_beyond_ascii(n) for n in o) and min(len(n) for n in o) >= _SELECTIVE
            ]
            if not options:
                return None  # (a branch any text may match, or one whose requirements most texts meet)
            out.append(tuple(sorted(options, key=len)))
    except _Scoped:
        return None
    if 2 * sum(len(options) > 1 for options in out) < len(out):
        return None  # (most branches one requirement: the test would mostly ask the pieces again)
    return tuple(out)


_SELECTIVE = 3  # the shortest piece of a requirement worth asking: `is`, `in`, `d` are in most texts


def _requirements(items: Any, folded: bool) -> list[tuple[str, ...]]:
    """The literal requirements of a sequence of pattern items, each the pieces one of which a match
    holds (a piece holding another of the same requirement left out)."""
    options: list[Needles] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()
        if op is None or op in _ZERO_WIDTH:
            continue
        found = _item(op, av)
        if found:
            options.append(found)
    out = []
    for o in options:
        pieces = {n.lower() for n in o} if folded else set(o)
        out.append(tuple(sorted(n for n in pieces if not any(m != n and m in n for m in pieces))))
    return out


def _held(hay: str, branches: Branches) -> bool:
    """Whether `hay` (lowered for a pattern that ignores case) holds a piece of every requirement of
    one of `branches` (`required_branches`)."""
    for options in branches:
        for pieces in options:
            for piece in pieces:
                if piece in hay:
                    break
            else:
                break  # (a requirement of this branch unmet)
        else:
            return True
    return False


def _caseless_beyond_ascii(piece: str) -> bool:
    """Whether every character of `piece` is ASCII or has no case (`→`, `—`, `×`): lowering a text
    keeps such a character, and `re` matches it under IGNORECASE only as itself, so a text with a
    match holds the piece, as written and lowered."""
    return piece.isascii() or all(c.isascii() or c.lower() == c == c.upper() for c in piece)


def _best(options: list[Needles]) -> Needles | None:
    """The most selective of several requirements that all hold: longest shortest piece, fewest pieces."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(n) for n in s), -len(s)))


def _sequence(items: Any) -> Needles | None:
    options: list[Needles] = []
    run: list[str] = []

    def end_run() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            continue
        end_run()
        if op in _ZERO_WIDTH:
            continue
        found = _item(op, av)
        if found:
            options.append(found)
    end_run()
    return _best(options)


def _item(op: Any, av: Any) -> Needles | None:
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        if add_flags or del_flags:
            raise _Scoped
        return _sequence(inner)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch)
            if not found:
                return None
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _high, inner = av
        return _sequence(inner) if low >= 1 else None
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _sequence(av)
    return None


def any_of(strings: Iterable[str]) -> str:
    """A regex matching exactly the given literal strings, as a trie (`ab|ac` → `a(?:b|c)`): `re`
    tries an alternation branch by branch at each position, a trie one character at a time."""
    found = set(strings)
    return _trie(found) if found else r"(?!x)x"


def _trie(strings: set[str]) -> str:
    groups: dict[str, set[str]] = {}
    for s in strings:
        if s:
            groups.setdefault(s[0], set()).add(s[1:])
    if not groups:
        return ""
    ends = "" in strings  # one of the strings ends here: what follows is optional
    branches = [re.escape(c) + _trie(rest) for c, rest in sorted(groups.items())]
    body = branches[0] if len(branches) == 1 and not ends else "(?:" + "|".join(branches) + ")"
    return body + "?" if ends else body


class LinePattern:
    """A `quick()` pattern run over a long text (a document's) only on the lines that hold one of its
    pieces: `finditer` and `search` give the pattern's own matches in the whole text. For a pattern
    no match of which holds a new line or looks past one (`newline_free`): every match then lies in
    one line, which holds one of its pieces, and the pattern read from that line's start to just
    after its new line sees what it sees in the whole text (a lookbehind and `\\b` look at the text
    before, a lookahead at the new line). `re` tries a pattern at every position; `str.find` looks
    for a piece in one C step. A text in which a piece cannot be told from its lowered form (a letter
    `re` folds to ASCII) is read whole."""

    def __init__(self, pattern: re.Pattern[str], needles: Iterable[str], folded: bool) -> None:
        if not newline_free(pattern):
            raise ValueError(f"a match may hold a new line or look past one: {pattern!r}")
        self.pattern = pattern
        self.needles = tuple(needles)
        self.folded = folded  # (the needles are compared with the lowered text)

    def spans(self, text: str) -> list[tuple[int, int]] | None:
        """(start, end) of each run of lines holding a piece (the end after the last line's new
        line), in order; None when the text is to be read whole."""
        hay = _lowered(text) if self.folded else text
        if len(hay) != len(text) or (self.folded and not text.isascii() and _folds_to_ascii(text)):
            return None
        starts: dict[int, int] = {}
        for needle in self.needles:
            at = hay.find(needle)
            while at >= 0:
                start = hay.rfind("\n", 0, at) + 1
                end = hay.find("\n", at + len(needle))
                end = len(hay) if end < 0 else end + 1
                starts[start] = end
                at = hay.find(needle, end) if end < len(hay) else -1
        out: list[tuple[int, int]] = []
        for start in sorted(starts):
            if out and start <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], starts[start]))
            else:
                out.append((start, starts[start]))
        return out

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        spans = self.spans(text)
        if spans is None:
            yield from self.pattern.finditer(text)
            return
        for start, end in spans:
            yield from self.pattern.finditer(text, start, end)

    def search(self, text: str) -> re.Match[str] | None:
        return next(self.finditer(text), None)


def by_line(pattern: re.Pattern[str]) -> LinePattern:
    """`pattern` (made by `quick()`: its own pieces) read line by line where its pieces are."""
    if not isinstance(pattern, QuickPattern):
        raise ValueError(f"no literal pieces in {pattern!r}")
    return LinePattern(pattern.pattern_object, pattern.needles, pattern.folded)


_AHEAD = 1  # an assertion's direction: a lookahead


def newline_free(pattern: re.Pattern[str]) -> bool:
    """Whether no match of `pattern` holds a new line, or looks at one past its end other than the
    character right after it (nothing it consumes or looks ahead at can be one; a lookbehind may),
    nor is anchored to a string's start or end (`^` and `$` without MULTILINE, `\\A`, `\\Z`)."""
    try:
        return _free(sre_parse.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.DOTALL))
    except _Untold:
        return False


_STRING_ENDS = (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING, sre.AT_END, sre.AT_END_STRING)


def _free(items: Any, dotall: bool) -> bool:
    return all(_item_free(op, av, dotall) for op, av in items)


def _item_free(op: Any, av: Any, dotall: bool) -> bool:
    if op is sre.LITERAL:
        return bool(av != 10)
    if op is sre.NOT_LITERAL:
        return bool(av == 10)
    if op is sre.ANY:
        return not dotall
    if op is sre.IN:
        return not _class_has_newline(av)
    if op is sre.AT:
        return av not in _STRING_ENDS
    if op is sre.GROUPREF:
        return True  # (what its group matched: checked there)
    return _nested_free(op, av, dotall)


def _nested_free(op: Any, av: Any, dotall: bool) -> bool:
    if op is sre.BRANCH:
        return all(_free(branch, dotall) for branch in av[1])
    if op is sre.SUBPATTERN:
        _group, add, _delete, inner = av
        return _free(inner, dotall or bool(add & re.DOTALL))
    if op in _REPEATS:
        return _free(av[2], dotall)
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, inner = av
        return direction != _AHEAD or _free(inner, dotall)  # (a lookbehind looks at the text before)
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return _free(av, dotall)
    raise _Untold


_NEWLINE_CATEGORIES = (
    sre.CATEGORY_SPACE,
    sre.CATEGORY_NOT_DIGIT,
    sre.CATEGORY_NOT_WORD,
    sre.CATEGORY_LINEBREAK,
)


def _class_has_newline(items: Any) -> bool:
    negated = False
    found = False
    for op, av in items:
        if op is sre.NEGATE:
            negated = True
        elif op is sre.LITERAL:
            found = found or av == 10
        elif op is sre.RANGE:
            found = found or av[0] <= 10 <= av[1]
        elif op is sre.CATEGORY:
            found = found or av in _NEWLINE_CATEGORIES
        else:
            raise _Untold
    return found != negated
