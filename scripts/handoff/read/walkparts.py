"""What the parts of the TDD walk share: `walk._Parser` is joined from `read.tables`, `read.rowtables`
and `read.headertables`; each part reads the parser's state declared here and calls the methods
of the others declared here (for mypy; each is defined in one part, `walk.py` or a table module).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from handoff.core.fields import Catalogue, Field
from handoff.core.model import Location
from handoff.read.cells import Cell
from handoff.read.doctext import Text, Texts
from handoff.read.envwords import Environments
from handoff.read.fact import Context
from handoff.read.facts import FactReader
from handoff.read.gather import Gatherer
from handoff.read.tabstate import _Tab


class WalkParts:
    """The TDD walk parser's state and the methods its parts call in one another."""

    across: bool
    tenant_row: bool
    answered_no: set[int]
    catalogue: Catalogue
    cells: dict[int, dict[str, Any]]
    count_words: frozenset[str]
    env_words: frozenset[str]
    facts: FactReader
    gather: Gatherer
    keyed: set[int]
    not_done: frozenset[str]
    sections: Environments
    texts: Texts
    total_words: frozenset[str]

    if TYPE_CHECKING:  # each defined in one of the parts

        def activity_table(
            self, rows: list[list[Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
        ) -> bool: ...

        def container(self, held: list[Cell], tab: _Tab, number: int, depth: int) -> None: ...

        def context(self, tab: _Tab, section: str | None = None) -> Context: ...

        def dated_log(self, rows: list[list[Text]], tab: _Tab, number: int) -> bool: ...

        def table(self, table: dict[str, Any], tab: _Tab, depth: int) -> None: ...

        def emit(
            self,
            label: str,
            text: str,
            location: Location,
            ctx: Context,
            link: str | None = None,
            matched: Field | None = None,
        ) -> None: ...

        def header_table(
            self, rows: list[list[Text]], roles: list[tuple[str, Field | None]], tab: _Tab, number: int
        ) -> None: ...

        def hosts_off(self, row: list[Text], j: int) -> bool: ...

        def is_total(self, cell: str) -> bool: ...

        def label_value_table(self, rows: list[list[Text]], tab: _Tab, number: int) -> None: ...

        def lines(
            self,
            content: Text,
            tab: _Tab,
            location: Location,
            *,
            allow_pending: bool,
            ctx: Context | None = None,
        ) -> None: ...

        def location(self, tab: _Tab, tail: str, placed: bool = True) -> Location: ...

        def looks_label_value(self, rows: list[list[Text]]) -> bool: ...

        def prose(
            self,
            text: str,
            location: Location,
            ctx: Context,
            only: frozenset[str] | None = None,
            off: frozenset[str] = frozenset(),
        ) -> None: ...

        def prose_rows(
            self,
            rows: list[list[Text]],
            tab: _Tab,
            number: int,
            sections: dict[int, str] | None = None,
            skip: set[int] | None = None,
        ) -> None: ...

        def row_hosts(self, row: list[Text], j: int | None) -> list[str]: ...

        def sectioned_table(
            self, rows: list[list[Text]], header: list[str], kinds: list[str], tab: _Tab, number: int
        ) -> None: ...

        def where(self, tab: _Tab, number: int, first: int, last: int | None = None) -> Location: ...
