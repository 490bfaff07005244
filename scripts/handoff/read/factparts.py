"""What the parts of `FactReader` share: it is joined from `read.labelled`, `read.prose`,
`read.figures`, `read.dates` and `read.counts`; each part reads the catalogue's words declared here
and calls the methods of the others declared here (for mypy; each is defined in one part).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from handoff.core.fields import Catalogue
from handoff.read.envwords import Environments
from handoff.read.fact import Context, Fact
from handoff.read.othersubject import OtherSubjects
from handoff.read.vocab import Vocab


class FactParts:
    """FactReader's catalogue words and the methods its parts call in one another."""

    catalogue: Catalogue
    code_hosts: Vocab
    deployment: Vocab
    env: Environments
    hosting: Vocab
    not_done: frozenset[str]  # statuses of things not done, dropped or declined (`not_done_words`)
    on_premises: re.Pattern[str]
    other_subjects: OtherSubjects  # clauses whose subject is another system
    trial_nouns: re.Pattern[str]
    tenant_row = False  # a tenants' table cut to Sourcegraph's row is read: its quota column is its share
    said_before = ""  # the paragraph's text before the sentence being read (what its pronouns stand for)
    said_after = ""  # the paragraph's text after it (`permachine.paragraph_count`)

    if TYPE_CHECKING:  # each defined in one of the parts

        def _counts(self, s: str, ctx: Context) -> list[Fact]: ...

        def _dated_by_heading(self, s: str, ctx: Context) -> list[Fact]: ...

        def _dates(self, s: str, ctx: Context) -> list[Fact]: ...

        def _host_sum(self, s: str, ctx: Context) -> list[Fact]: ...

        def _may_name(self, s: str) -> bool: ...

        def _names_build(self, clause: str) -> bool: ...

        def _numbers(self, s: str, ctx: Context) -> list[Fact]: ...

        def _peaks(self, s: str, ctx: Context) -> list[Fact]: ...

        def env_at(self, sentence: str, pos: int, ctx: Context) -> str: ...

        def prose(self, text: str, ctx: Context, offset: int = 0) -> list[Fact]: ...

        def site_address(self, url: str) -> bool: ...
