"""A value labelled only by its environment (`Prod: 2,859`) under a title naming its field (pure).

Documents that compare environments field by field often title each field once (a heading or a
bold line: "Repo count") and then write one line per environment: `Dev: 4,093`, `Prod: 2,859`. A
careful reader reads each line's figure as the titled field's, for the environment its label names.
The line's own label names an environment and no field (a few words: `Prod`, `Production
environment`, `DR`, each word an environment's or a place's; one word naming an environment is its
name even when it could mean a field: `Live`), and the value is one value (no other environment in
it, no second sentence); the innermost title names a field (a catalogue label or a label's meaning).
`field_title(label, value, titles, named, names_field)` gives that title, to read the value under, or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

_MAX_WORDS = 3
_PLACE_WORDS = frozenset(
    {"environment", "env", "instance", "cluster", "site", "tier", "stage", "system", "copy"}
)
_SENTENCES = re.compile(r"[.;!?]\s+\S")


def only_environment(label: str, named: Callable[[str], str]) -> bool:
    """Whether a label is an environment's name and nothing else: each word an environment word or
    a word for a place (`Prod`, `Production environment`, `DR site`; not `Production build`)."""
    words = label.split()
    return 0 < len(words) <= _MAX_WORDS and all(named(w) or w.casefold() in _PLACE_WORDS for w in words)


def field_title(
    label: str,
    value: str,
    titles: Sequence[tuple[int, str]],
    named: Callable[[str], str],
    names_field: Callable[[str], bool],
) -> str | None:
    """The innermost title naming a field, when `label` is only an environment's name and `value` one
    value (no other environment named in it, no second sentence); else None."""
    if not titles or not only_environment(label, named) or (len(label.split()) > 1 and names_field(label)):
        return None  # (one word naming an environment is its name, whatever else it means: `Live`)
    if named(value) or _SENTENCES.search(value):
        return None  # "Prod: 2,800 GB. Test: 400 GB.": the value says more than one figure's environment
    title = titles[-1][1]
    return title if names_field(title) and not named(title) else None


__all__ = ["field_title", "only_environment"]
