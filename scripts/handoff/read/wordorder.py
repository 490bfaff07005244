"""A negated verb of another language, once its words are English (`read/languages.py`), in
English order.

The Romance languages put the negation before the whole verb group, and an object pronoun
between the two: `non è stato collegato`, `não foi conectado`, `no lo vamos a conectar`, `non lo
colleghiamo` read word for word as `not was connected`, `not it going to connect`. French wraps the
verb in two words: `n'est pas connecté`, `ne sera pas indexé` (`ne` … `not`). A reader of English
finds the negation after the first auxiliary (`was not connected`, `will not be indexed`) or right
before the verb (`not going to connect`); the relations that read a negated verb (a code host not
connected, a limit not set) know those orders only.

`negation_edits(text)` gives the edits that put a glossed text's negations there: an auxiliary
after `not` moves before it, an object pronoun between `not` and its verb goes, French `ne` / `n'`
goes. Only a glossed text of another language is passed, so English is never changed.
"""

from __future__ import annotations

import re

# an auxiliary right after the negation, as the glossing leaves it (`not was`, `not will be`)
_AUXILIARY = re.compile(
    r"(?<!\bdo )(?<!\bdoes )(?<!\bdid )(?<!\bto )(?<!\bor )\b(not|NOT|Not)\s+"
    r"(was|were|is|are|has|have|had|will|would|can|could|shall|should|may|might|must)\b"
    r"(\s+been\b|\s+be\b)?"
)
# the negation after an auxiliary and its `be`, as French puts `pas` (`sera pas` → `will be not`)
_AFTER_BE = re.compile(
    r"\b(will|would|can|could|shall|should|may|might|must|has|have|had)\s+(be|been)\s+(not|NOT)\b"
)
# a negated `there is` (`não há`, `no hay`, `non ci sono` → `not there are`): `there are no`
_NONE_THERE = re.compile(r"\b(?:not|NOT|Not)\s+there\s+(are|is|were|was)\b")
# an object pronoun (or the reflexive) between the negation and its verb, as written or glossed
# (`non lo colleghiamo` → `not the colleghiamo`; `no se conectó`; `não o ligamos`)
_PRONOUN = re.compile(
    r"\b((?:not|NOT|Not)\s+)(?:(?:lo|la|le|li|gli|los|las|les|se|si|ne|lhe|lhes|o|os|a|as|the|it|them|me|te)\s+)+"
    r"(?=[^\W\d_]{3,})(?!(?:production|staging|test|trial|pilot)\b)"
)
# French `ne` / `n'` before the verb its `pas` (glossed `not`) follows
_NE = re.compile(r"\b(?:ne\s+|n['’](?=[^\W\d_]))(?=(?:[^\W\d_'’]+\s+){1,2}not\b)", re.IGNORECASE)


def negation_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) edits putting the negations of a glossed `text` in English order."""
    if "not" not in text.lower():
        return []
    edits = [(m.start(), m.end(), "") for m in _NE.finditer(text)]
    for m in _AUXILIARY.finditer(text):
        edits.append((m.start(), m.end(), f"{m.group(2)} {m.group(1).lower()}{m.group(3) or ''}"))
    edits += [(m.start(), m.end(), f"{m.group(1)} not {m.group(2)}") for m in _AFTER_BE.finditer(text)]
    edits += [(m.start(), m.end(), f"there {m.group(1)} no") for m in _NONE_THERE.finditer(text)]
    taken = [(a, b) for a, b, _ in edits]
    for m in _PRONOUN.finditer(text):
        if not any(a < m.end() and m.start() < b for a, b in taken):
            edits.append((m.start(), m.end(), m.group(1)))
    return sorted(edits)


__all__ = ["negation_edits"]
