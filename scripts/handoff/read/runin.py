"""A run-in title naming a field, its figure right after it: `4.6 Repositories. 1,740 once …` (pure).

A numbered TDD often runs each item's title into its paragraph, closed by a full stop ("4.3 Storage.
pd-ssd volumes, 1,800 GB in total"), as a bold lead-in does in a report ("Licensed users. 900, per
the order form."). When the title is only a field's name and the sentence after it opens with a
bare figure, the title is that figure's label as a colon would make it: "Repositories. 1,740 once
all waves are on GitHub" says 1,740 repositories, though no noun follows the number. A careful
reader takes it so only when the title is a label on its own (a few words, no figure, naming a
field: `is_label`) and opens its line; a title over words ("4.2 Nodes. Pool sg-main: …") or a
sentence that merely ends on such a word ("We checked the repositories. 1,740 were found") is left
to the reader of prose.

`runin_pair(part, is_label)`: (title, value) of such a part, the value being the rest of the part
(read as the value after a colon is), or None.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# an item's number (optional), a short capitalised title with no figure, its full stop, then a figure
# opening the next sentence (hedged or not): "4.6 Repositories. 1,740", "Concurrent users. About 200"
_RUNIN = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})+\.?\s+)?(?P<title>[A-Z][A-Za-z'’/ -]{1,40}?)\.\s+"
    r"(?P<value>(?:(?:about|around|roughly|approximately|approx\.|circa|ca\.|some|just over|just under|"
    r"nearly|almost|~|≈)\s*)?\d.*)$",
    re.IGNORECASE | re.DOTALL,
)
_MAX_WORDS = 4
# words that make the title a clause of prose, not a name ("We checked the repositories.")
_CLAUSE_WORDS = frozenset({
    "i", "we", "you", "they", "he", "she", "it", "there", "this", "that", "these", "those", "the", "our",
    "their", "its", "my", "your", "his", "her", "is", "are", "was", "were", "has", "have", "had", "be",
})  # fmt: skip


def runin_pair(part: str, is_label: Callable[[str], bool]) -> tuple[str, str] | None:
    """(title, value) of a part opening with a run-in title that names a field, a figure after it."""
    if ". " not in part or not part.lstrip()[:1].isalnum():
        return None  # (a cheap sign first: a title's full stop before the figure)
    m = _RUNIN.match(part)
    if m is None:
        return None
    title = m.group("title").strip()
    words = title.split()
    if not title[0].isupper() or len(words) > _MAX_WORDS or any(w.casefold() in _CLAUSE_WORDS for w in words):
        return None
    if not is_label(title):
        return None
    return title, m.group("value").strip()


__all__ = ["runin_pair"]
