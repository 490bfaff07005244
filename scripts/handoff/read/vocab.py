"""Vocabulary names inside free text: `Vocab.find(text)` gives the vocabulary values named anywhere
in a text ("Helm chart on Amazon EKS" → Kubernetes with Helm; AWS), longest name first, from the
catalogue's vocabularies; `mask` blanks them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

from handoff.core.fields import Catalogue, norm
from handoff.core.quickre import any_of
from handoff.read.found import Found
from handoff.read.hostaddress import refined

# Names too generic to mean a vocabulary value inside a sentence (they still match a whole value).
_NOT_IN_TEXT = frozenset(
    norm(n) for n in ("Other", "Git", "Generic Git", "Plain Git", "Other Git host", "Other cloud", "Cloud",
                      "Compose", "Helix", "Amazon", "Server image", "Managed instance")
)  # fmt: skip


_TOOL_AFTER = re.compile(  # a code host's product named after it: the name is the tool's, not a host's
    r"[ \t]+(?:apps?|actions|runners?|ci|pipelines|pages|packages|copilot|desktop|cli|codespaces|marketplace|"
    r"webhooks?)\b",
    re.IGNORECASE,
)


_BREAK_IN_NAME = re.compile(r"[.\n]\s")  # a sentence or line ends inside the span: no name


class Vocab:
    """Finds the names of one vocabulary's values inside a text: runs of up to five words whose
    letters and digits spell a name (`Bitbucket Data Center`, `self-managed GitLab`, `GitHub.com`),
    longest first. A name of three letters or fewer ("ADO", "EKS", "P4") counts only in capitals,
    unless the document writes the vocabulary's names in lower case (`learn_case`: "ghes conn — 1 204
    repos") and a count of repositories follows it in its clause ("p4 conn — 36 depots"); host
    names and URLs (`gitlab.example.com`) are not names.
    """

    def __init__(self, catalogue: Catalogue, name: str, group: AnyName | None = None) -> None:
        vocab = catalogue.vocabularies.get(name)
        self.names, self.prefixes, self.spotter = _index_of(vocab.aliases if vocab else None)
        self.group = group  # (the vocabularies read beside it: one look for all their names first)
        self.cache: dict[str, list[Found]] = {}
        self.tools = name == "code_host"  # "a GitHub App", "GitLab Runner": a host's tool names no host
        self.lower = False  # the document writes the vocabulary's names in lower case ("ghes", "bitbucket")
        # a cloud's acronym is no word of any language: "only sg is in aws", "1 ec2", "eks 1.29"
        self.any_case = name == "hosting_provider"

    def learn_case(self, text: str) -> None:
        """Whether the document writes names of this vocabulary of four letters or more in lower case,
        outside addresses ("ghes conn", "our gitlab"): then it writes the short ones so too."""
        # (a match is four letters or digits or more, lower case, no dot: its own `norm` key)
        self.lower = any(_lower_word_at(text, key) for key in _word_keys(tuple(self.names)))
        self.cache.clear()

    def _short_in_lower(self, span: str, text: str, end: int) -> bool:
        """A short name written in lower case, in a document that writes names so, with a count of
        repositories after it in its clause ("p4 conn — 36 depots")."""
        if not span.islower():
            return False
        clause = _CLAUSE_END.split(text[end : end + 60], maxsplit=1)[0]
        if not text[: end - len(span)].strip(" -•*") and _LABEL_COUNT.match(clause):
            return True  # a line's label with its count ("ghe (ghe.acme.example, 3.12): 410")
        if _ASIDE_AFTER.sub("", text).strip(" -•*:") == span and span != "git":
            return (
                True  # the whole cell or label is the name, perhaps with its aside (`ghe (ghe.acme.example)`;
            )
            # "git" is a word)
        if not self.lower:
            return False
        return bool(_COUNTED_AFTER.search(clause))

    def find(self, text: str) -> list[Found]:
        """The names in `text`, in order (longest first where names overlap)."""
        if text not in self.cache:
            if len(self.cache) > 4096:
                self.cache.clear()
            found = self._find(text)
            if self.tools and found:
                found = [f for f in found if not _TOOL_AFTER.match(text, f.end)]
                found = refined(text, found)  # "GitLab (gitlab.acme.de)": the self-hosted edition
            self.cache[text] = found
        return self.cache[text]

    def _find(self, text: str) -> list[Found]:
        hosts = _hosts_of(text)
        if not hosts and self.group is not None and not self.group.may_name(text):
            return []  # (no host to blank: the text's letters hold no name of any of the vocabularies)
        blank = [(a, b) for a, b, key in hosts if key not in self.names] if hosts else None
        if blank:  # host names and addresses are no names, unless one is (`GitHub.com`)
            text = blank_spans(text, blank)
        if not self.spotter.search(_letters(text)):
            return []
        words = _words_of(text)
        found: list[Found] = []
        prefixes = self.prefixes
        i = 0  # (the words before `i` are read: a name found ends there)
        for start in [k for k, w in enumerate(words) if w[2] in prefixes]:  # (the words a name opens with)
            if start < i:
                continue
            i = start
            key, best = "", None
            for j in range(i, len(words)):
                key += words[j][2]
                if key not in self.prefixes:
                    break
                span = text[words[i][0] : words[j][1]]
                short = len(key) <= 3 and not span.isupper() and not (self.any_case and span.islower())
                if (
                    key in self.names
                    and (not short or self._short_in_lower(span, text, words[j][1]))
                    and not _BREAK_IN_NAME.search(span)
                ):
                    best = (j, self.names[key])
            if best is None:
                continue
            end = words[best[0]][1]
            found.append(
                Found(words[i][0], end, self.qualified(text[words[i][0] : end], text[end:], best[1]))
            )
            i = best[0] + 1
        return found

    def qualified(self, written: str, after: str, value: str) -> str:
        """A name qualified in the brackets right after it ("GitLab (selbst betrieben / self-managed)",
        "GitHub (Enterprise Server)") is the longer name they make together, when that is a name."""
        m = _QUALIFIER.match(after)
        for piece in re.split(r"\s*[,/;]\s*", m.group(1)) if m else ():
            for key in (norm(f"{written} {piece}"), norm(f"{piece} {written}")):
                if piece and key in self.names:
                    return self.names[key]
        return value

    def values(self, text: str) -> list[str]:
        return list(dict.fromkeys(f.value for f in self.find(text)))


_Index = tuple[dict[str, str], frozenset[str], re.Pattern[str]]
_INDEX_OF: dict[int, tuple[object, _Index]] = {}  # id(aliases) -> (the aliases, their index)


def _index_of(aliases: Mapping[str, str] | None) -> _Index:
    """`_vocab_index` of a vocabulary's aliases, found again by the mapping itself (a catalogue's is a
    read-only view, never changed): a walk makes a few `Vocab`s per document, and the key of the
    index's cache, every alias as a tuple, costs more to build and hash than the look-up saves."""
    hit = _INDEX_OF.get(id(aliases))
    if hit is not None and hit[0] is aliases:
        return hit[1]
    index = _vocab_index(tuple(aliases.items()) if aliases is not None else ())
    if len(_INDEX_OF) > 32:
        _INDEX_OF.clear()
    _INDEX_OF[id(aliases)] = (aliases, index)  # (the mapping kept: its id names it while it is here)
    return index


_SPOTTERS: dict[tuple[int, ...], tuple[tuple[object, ...], re.Pattern[str]]] = {}  # by the aliases' ids


class AnyName:
    """The vocabularies a reader looks for in the same texts, looked for together first: a text whose
    letters hold no name of any of them (`Vocab`'s own quick no, for all at once) names none of each,
    asked once per text instead of once per vocabulary."""

    def __init__(self, catalogue: Catalogue, names: tuple[str, ...]) -> None:
        aliases = tuple(vocab.aliases for n in names if (vocab := catalogue.vocabularies.get(n)) is not None)
        key = tuple(id(a) for a in aliases)
        hit = _SPOTTERS.get(key)
        if hit is None or any(a is not b for a, b in zip(hit[0], aliases, strict=True)):
            keys = [k for a in aliases for k in _index_of(a)[0]]
            if len(_SPOTTERS) > 32:
                _SPOTTERS.clear()
            hit = _SPOTTERS[key] = (aliases, re.compile(any_of(keys)))  # (built once per catalogue)
        self.spotter = hit[1]
        self.seen: dict[str, bool] = {}

    def may_name(self, text: str) -> bool:
        """False only when no vocabulary of the group names anything in `text` (with no host in it)."""
        found = self.seen.get(text)
        if found is None:
            if len(self.seen) > 4096:
                self.seen.clear()
            found = self.seen[text] = self.spotter.search(_letters(text)) is not None
        return found


@functools.lru_cache(maxsize=32)
def _vocab_index(
    aliases: tuple[tuple[str, str], ...],
) -> tuple[dict[str, str], frozenset[str], re.Pattern[str]]:
    """A vocabulary's names in text (`norm` key → canonical value), every prefix of a name's key,
    and a pattern finding any name's key in a text's letters and digits run together (a quick no:
    most sentences name none). Built once per vocabulary; the callers only read them."""
    names = {k: c for k, c in aliases if k not in _NOT_IN_TEXT}
    prefixes = frozenset(k[:n] for k in names for n in range(1, len(k) + 1))
    spotter = re.compile(any_of(names))
    return names, prefixes, spotter


_WORD = re.compile(r"[0-9A-Za-z]+")
_LOWER_WORD = re.compile(r"(?<![\w./@-])[a-z][a-z0-9]{3,}(?![\w./@-])")  # a word in lower case, no address


@functools.lru_cache(maxsize=32)
def _word_keys(keys: tuple[str, ...]) -> tuple[str, ...]:
    """The names' keys that a word `_LOWER_WORD` finds can be."""
    return tuple(k for k in keys if _LOWER_WORD.fullmatch(k))


def _lower_word_at(text: str, key: str) -> bool:
    """Whether `_LOWER_WORD.findall(text)` holds `key` (such a key): `key` written where that word
    starts and ends (a word's start follows no word character, so the scan reaches it), found by
    `str.find` instead of trying the pattern at every position of a document."""
    at = text.find(key)
    while at >= 0:
        m = _LOWER_WORD.match(text, at)
        if m is not None and m.end() == at + len(key):
            return True
        at = text.find(key, at + 1)
    return False


_CLAUSE_END = re.compile(r";|\n|\.\s+(?=[A-Z])|\.$")  # (not "coll. archive": no sentence ends there)
_COUNTED_AFTER = re.compile(
    r"(?<![\w.,])\d[\d,.\s]*\s*(?:k\s*)?(?:repositories|repository|repos|repo|depots|projects|proj)\b",
    re.IGNORECASE,
)
# a short name as a note's label with its count ("ghe: 410", "gl (git.acme.example, 17.2) → 1,380"):
# its bracket (an address, a version) then a colon, an arrow or an equals sign before the number
_ASIDE_AFTER = re.compile(r"\s*\([^()]*\)\s*$")
_LABEL_COUNT = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?::|→|->|=)\s*~?\d")
_QUALIFIER = re.compile(r"\s*\(([^()]{1,60})\)")
# a host name or address, or letters joined by a semicolon with no space (`TL;DR`: one abbreviation)
_HOSTNAME = re.compile(
    r"\b[a-z][a-z]+://\S+|(?<![\w.])(?!\d+\.\d+(?:k|[KMGT]i?B?)?(?![\w.-]))"  # (a figure, `1.1k`, is no host)
    r"[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?::\d+)?(?![\w])|\b[A-Za-z]+;[A-Za-z]+\b"
)

_Span = tuple[int, int, str]
_NOT_LETTERS = re.compile(r"[^0-9A-Za-z]+")


_HOST_HINT = re.compile(r"[.;][A-Za-z0-9-]|://")  # in every _HOSTNAME match: a quick no for most texts


_LETTER = re.compile(r"[A-Za-z]")


@functools.lru_cache(maxsize=1024)
def _hosts_of(text: str) -> tuple[_Span, ...]:
    """The host names and addresses in `text`: (start, end, `norm` key)."""
    if not _HOST_HINT.search(text):
        return ()
    return tuple(  # (a dotted date or a version, `24.07.2026`, names no host)
        (m.start(), m.end(), norm(m.group(0))) for m in _HOSTNAME.finditer(text) if _LETTER.search(m.group(0))
    )


@functools.lru_cache(maxsize=1024)
def _letters(text: str) -> str:
    """The words of `text` run together, lower case: every name a text's words spell is in it."""
    # (what `_NOT_LETTERS.sub("", text).lower()` gives, in one C step: no other character is kept)
    return text.encode("ascii", "ignore").translate(None, _NOT_LETTER_BYTES).lower().decode("ascii")


_NOT_LETTER_BYTES = bytes(b for b in range(256) if _NOT_LETTERS.fullmatch(chr(b)))


@functools.lru_cache(maxsize=1024)
def _words_of(text: str) -> tuple[_Span, ...]:
    """The words of `text`: (start, end, lower case)."""
    return tuple((m.start(), m.end(), m.group(0).casefold()) for m in _WORD.finditer(text))


def blank_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with each span replaced by as many spaces."""
    chars = list(text)
    for a, b in spans:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def mask(text: str, found: Iterable[Found]) -> str:
    """`text` with the found names blanked (so "Azure DevOps" is not read as the Azure cloud)."""
    if not found:
        return text
    chars = list(text)
    for f in found:
        chars[f.start : f.end] = " " * (f.end - f.start)
    return "".join(chars)
