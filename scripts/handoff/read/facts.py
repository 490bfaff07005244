"""Facts from one piece of TDD text: `FactReader` joins its parts, each in its own module.

- `read.labelled` (`LabelledReading`): a label and its value read by meaning (`labelled`, `fit`).
- `read.prose` (`ProseReading`): prose walked sentence by sentence (`prose`, `sentence`):
  instance types, names (deployment type, cloud, code hosts), URLs.
- `read.figures` (`FigureReading`): a sentence's CPU counts and sizes.
- `read.dates` (`DateReading`): a sentence's build start and completion dates.
- `read.counts` (`CountReading`): a sentence's counts of repositories (total, per code host),
  limits and monorepos.

A repository count next to a code host's name is a per-host `part` (the caller sums them); a
count said to be a total ("in total", "in all", "today") is the count.
"""

from __future__ import annotations

import functools
import re

from handoff.core.fields import Catalogue
from handoff.core.quickre import quick
from handoff.read.cells import status_words
from handoff.read.counts import CountReading
from handoff.read.dates import DateReading
from handoff.read.envwords import Environments
from handoff.read.figures import FigureReading
from handoff.read.labelled import LabelledReading
from handoff.read.othersubject import OtherSubjects
from handoff.read.prose import ProseReading
from handoff.read.vocab import AnyName, Vocab


class FactReader(LabelledReading, ProseReading, DateReading, FigureReading, CountReading):
    """Reads the facts of a labelled value or a piece of prose, with the catalogue's words."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.env = Environments(catalogue)
        names = AnyName(catalogue, ("deployment_type", "hosting_provider", "code_host"))
        self.deployment = Vocab(catalogue, "deployment_type", names)
        self.hosting = Vocab(catalogue, "hosting_provider", names)
        self.code_hosts = Vocab(catalogue, "code_host", names)
        self.other_subjects = OtherSubjects(catalogue, self.env)
        self.not_done = status_words(catalogue.tdd.not_done_words)
        self.trial_nouns = _trial_nouns(catalogue.tdd.trial_words)
        self.on_premises = _on_premises(catalogue.tdd.on_premises_words)


@functools.lru_cache(maxsize=8)
def _trial_nouns(words: tuple[str, ...]) -> re.Pattern[str]:
    """The catalogue's own words for a part that is not production (built once per word list)."""
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in words) or '(?!)'})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=8)
def _on_premises(words: tuple[str, ...]) -> re.Pattern[str]:
    """The catalogue's words for a platform of the customer's own, searched in every sentence: tested
    for the words first (`quick`: most sentences hold none), built once per word list."""
    ordered = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return quick(rf"(?<![\w-])(?:{ordered})(?![\w-])", re.IGNORECASE)
