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

import re

from handoff.core.fields import Catalogue
from handoff.read.cells import status_words
from handoff.read.counts import CountReading
from handoff.read.dates import DateReading
from handoff.read.envwords import Environments
from handoff.read.figures import FigureReading
from handoff.read.labelled import LabelledReading
from handoff.read.prose import ProseReading
from handoff.read.vocab import Vocab


class FactReader(LabelledReading, ProseReading, DateReading, FigureReading, CountReading):
    """Reads the facts of a labelled value or a piece of prose, with the catalogue's words."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.env = Environments(catalogue)
        self.deployment = Vocab(catalogue, "deployment_type")
        self.hosting = Vocab(catalogue, "hosting_provider")
        self.code_hosts = Vocab(catalogue, "code_host")
        self.not_done = status_words(catalogue.tdd.not_done_words)
        self.trial_nouns = re.compile(  # the catalogue's own words for a part that is not production
            rf"\b(?:{'|'.join(re.escape(w) for w in catalogue.tdd.trial_words) or '(?!)'})\b", re.IGNORECASE
        )
        words = sorted(catalogue.tdd.on_premises_words, key=len, reverse=True)
        self.on_premises = re.compile(
            rf"(?<![\w-])(?:{'|'.join(re.escape(w) for w in words) or '(?!)'})(?![\w-])", re.IGNORECASE
        )
