"""Sheet write-back, I/O part: at most two requests for a whole batch.

    1 request   spreadsheets.get (tab properties only): each tab's sheet id and grid size, as they
                are now (another run may have grown a tab since the batch read it)
    1 request   spreadsheets.batchUpdate built by `writeback.SheetWrites.requests`: add missing
                tabs, widen grids, update cells in place, append new rows; atomic, so the sheet
                gets all of it or none of it
    (+1 read    only when the batchUpdate is retried: `landed` checks whether the lost attempt
                was applied, since sending the appends twice would add every row twice)

A refusal (a 4xx other than a rate limit: the sheet was changed under the run, a protected
range, a tab renamed) is not a service outage: `SheetRefused` says what to fix, and the run
exits 1, not 4.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

from handoff.apply.writeback import SheetWrites, grids_from_metadata
from handoff.core.errors import EXIT_SERVICE, HandoffError, NotFoundError, ServiceError
from handoff.core.model import sheet_ref

T = TypeVar("T")
TAB_FIELDS = "sheets.properties(sheetId,title,gridProperties(rowCount,columnCount))"


class ClientsLike(Protocol):
    def gspread_client(self) -> Any: ...

    def call(self, api: str, fn: Any, kind: str = ...) -> Any: ...


class SheetRefused(HandoffError):
    """Sheets refused the write-back (a 4xx): a problem with the sheet, not a service outage."""


def send(clients: ClientsLike, spreadsheet_id: str, writes: SheetWrites) -> int:
    """Write `writes` to the spreadsheet; returns the number of requests made (2)."""
    http = clients.gspread_client().http_client
    try:
        metadata = clients.call(
            "sheets", lambda: http.fetch_sheet_metadata(spreadsheet_id, params={"fields": TAB_FIELDS})
        )
        requests = writes.requests(_by_title(grids_from_metadata(metadata), writes.tabs()))
        sent = 0

        def write() -> None:
            nonlocal sent
            sent += 1
            if sent > 1 and landed(http, spreadsheet_id, writes):
                return  # the earlier attempt's answer was lost, not its write
            http.batch_update(spreadsheet_id, {"requests": requests})

        clients.call("sheets", write, kind="write")
    except ServiceError as exc:
        raise refusal(exc) or exc from None
    return 2


def landed(http: Any, spreadsheet_id: str, writes: SheetWrites) -> bool:
    """Whether an earlier attempt of this batchUpdate was applied (its answer lost on the way).

    Appends are not idempotent, so a retry first reads the tabs holding proof texts (every
    account's new state cell, whose `last_run` stamp makes it this run's): the batch is atomic,
    so all of them there means all of it landed. One read, only on a retry.
    """
    if not writes.proof:
        return False
    titles = list(writes.proof)
    got = http.values_batch_get(spreadsheet_id, [sheet_ref(t) for t in titles])
    for title, value_range in zip(titles, got.get("valueRanges", []), strict=False):
        cells = {str(c) for row in value_range.get("values", []) for c in row}
        if not set(writes.proof[title]) <= cells:
            return False
    return True


def refusal(exc: ServiceError) -> SheetRefused | None:
    """A refused write-back as a sheet problem (exit 1), or None when the service is down (exit 4)."""
    if isinstance(exc, NotFoundError) or exc.exit_code == EXIT_SERVICE:  # a 404, or a service down
        return None
    return SheetRefused(
        f"the sheet refused the write-back: {exc.message}",
        fix="check the tab named in the message (renamed, protected or resized during the run), then re-run",
    )


def _by_title(grids: dict[str, Any], titles: Sequence[str]) -> dict[str, Any]:
    """Configured titles mapped to the sheet's tabs (Sheets matches tab titles case-insensitively)."""
    folded = {t.casefold(): g for t, g in grids.items()}
    return {t: folded[t.casefold()] for t in titles if t.casefold() in folded}
