"""Environment names a sentence defines with "is": "Dock is the small evaluation copy", "Harbour is
what the bank's engineers use every day", "in this record HERON is the production environment … and
KESTREL is its staging copy", and a code name in apposition ("covers LANTERN, our production
deployment, and EMBER, its staging twin").

A document that names its environments after places, birds or ships says once what each one is,
often in plain prose rather than in a legend or a `NAME — …` line. A careful reader takes a
capitalised name that opens such a clause as an environment's name when what it is said to be starts
with an environment word (evaluation, staging, production, the DR copy …) or is the one people use
every day (production). `said_is(text)` gives (name, what it is said to be, "production" when said
to be the one in daily use, else ""); `Environments.learn` keeps the names whose words name an
environment, never a product's or a field's word (`Helm is the chart …`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handoff.core.quickre import opened

_IS = opened(
    re.compile(
        # (a clause's start; a code name in capitals anywhere: "in this record HERON is …")
        r"(?:(?:^|(?<=[.;:!?]\s)|(?<=\n)|(?<=;\s)|(?<=,\s)|(?<=\band\s)|(?<=\bwhile\s)|(?<=\bwhereas\s))"
        r"(?P<name>[A-Z][a-z]{2,15}|[A-Z][A-Z0-9]{2,11})|(?<=\s)(?P<code>[A-Z][A-Z0-9]{2,11}))"
        r"(?:\s+is\s+(?=(?P<says>(?:the|our|its|their|a|an|what|where)\b[^.;\n]{0,90}))"
        # in apposition: "covers LANTERN, our production deployment, and EMBER, its staging twin"
        r"|,\s+(?=(?P<apposed>(?:our|its|their)\s[^.;,()\n]{0,60})))"
    )
)
_DAILY = re.compile(
    r"\b(?:use[sd]?|work in|work on|search(?:es)?)\b[^.;]{0,30}\b(?:every\s?day|daily|day[- ]to[- ]day)\b"
    r"|\b(?:the one|what|the instance)\b[^.;]{0,40}\b(?:engineers|developers|users|people|everyone|staff)"
    r"\s+use\b",
    re.IGNORECASE,
)
_NOT_NAMES = frozenset(
    {"This", "That", "There", "Here", "What", "Which", "Who", "The", "Our", "Its", "Their", "It"}
)


# A text this long (a document's) is read at its `is` and its commas (`_long_text_matches`).
_LONG_TEXT = 600
# what follows the name of every `_IS` match (opening with a literal, which `re` finds quickly)
_IS_AFTER = re.compile(r"is(?<=\sis)\s+(?:the|our|its|their|a|an|what|where)\b")
_APPOSED_AFTER = re.compile(r",(?=\s+(?:our|its|their)\s)")


def _long_text_matches(text: str) -> Iterator[re.Match[str]]:
    """`_IS.finditer(text)`, `_IS` tried only where a match can start: at a capital letter three to
    sixteen characters before the white space ahead of `is the …` (its name's or code's length) or
    before the comma of `, our …`. Those places, tried in order from where the last match ended, give
    the matches `finditer` gives (it tries every place; a place no match can start at gives none)."""
    ends = [m.start() for m in _APPOSED_AFTER.finditer(text)]
    for m in _IS_AFTER.finditer(text):
        end = m.start() - 1
        while end > 0 and text[end - 1].isspace():
            end -= 1
        ends.append(end)
    starts = sorted({at for end in ends for at in range(max(0, end - 16), end - 2) if "A" <= text[at] <= "Z"})
    done = 0
    for at in starts:
        if at < done:
            continue
        found = _IS.match(text, at)
        if found is not None:
            yield found
            done = found.end()


def said_is(text: str) -> Iterator[tuple[str, str, str]]:
    """(name, the first words it is said to be, "production" if said to be in daily use, else "")."""
    if " is " not in text and ", our " not in text and ", its " not in text and ", their " not in text:
        return
    for m in _IS.finditer(text) if len(text) < _LONG_TEXT else _long_text_matches(text):
        name = m.group("name") or m.group("code")
        if name in _NOT_NAMES or (m.group("apposed") and not name.isupper()):
            continue  # (in apposition only a code name's shape: "Quillmark, our publisher" names none)
        says = m.group("says") or m.group("apposed")
        yield name, " ".join(says.split()[:6]), "production" if _DAILY.search(says) else ""
