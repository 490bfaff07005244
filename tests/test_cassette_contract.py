"""Contract: every recorded request, replayed against the sandbox, answers like the real service.

The cassettes under tests/fixtures/cassettes/ are gspread's vcrpy recordings of the real Sheets
and Drive APIs (MIT, see LICENSE-gspread.txt). Each request, Sheets and Drive alike, is sent to
the sandbox in order, with the recording's ids swapped for the sandbox's (learned from the
creates' answers). The status must be the recorded one, and the body the same shape: the same
key sets, the same value types (lists by their first element). A text body (an export) must be
text. The recording's private spreadsheet (someone else's, for the 403) is set up as one owned
by another user. Exceptions are listed in EXCEPTIONS, each with its reason; the test fails if
one no longer applies, so the list stays true.
"""

from __future__ import annotations

import re

import pytest

from cassettes import HOSTS, Replayer, body, cassettes, interactions, shape
from handoff.sandbox.server import RunningSandbox

SPREADSHEET = re.compile(r"/spreadsheets/([A-Za-z0-9_-]{20,})")

# (cassette, index of the interaction) -> why the sandbox's answer may differ in shape
EXCEPTIONS: dict[tuple[str, int], str] = {}


def replay(sandbox: RunningSandbox, name: str) -> list[tuple[int, str]]:
    """Replay one cassette; the (index, difference) of every answer that is not like the recording."""
    r = Replayer(sandbox)
    differences = []
    for i, interaction in enumerate(interactions(name)):
        request, recorded = interaction["request"], interaction["response"]
        status = recorded["status"]["code"]
        m = SPREADSHEET.search(request["uri"])
        if status == 403 and m and m.group(1) not in r.ids:
            r.private(m.group(1))
        response = r.send(request)
        expected = body(recorded["body"]["string"])
        ours = body(response.text)
        r.learn(expected, ours)
        if response.status_code != status:
            differences.append(
                (i, f"status {response.status_code}, recorded {status}: {response.text[:200]}")
            )
        elif isinstance(expected, dict) != isinstance(ours, dict) or (
            isinstance(expected, dict) and shape(ours) != shape(expected)
        ):
            differences.append((i, f"shape {shape(ours)!r}, recorded {shape(expected)!r}"))
    return differences


@pytest.mark.parametrize("name", cassettes())
def test_every_recorded_request_answers_like_the_real_service(sandbox: RunningSandbox, name: str) -> None:
    differences = replay(sandbox, name)
    unexplained = [(i, d) for i, d in differences if (name, i) not in EXCEPTIONS]
    assert unexplained == []
    stale = [key for key in EXCEPTIONS if key[0] == name and key[1] not in dict(differences)]
    assert stale == [], "an exception no longer applies: remove it"


def test_the_cassettes_cover_sheets_and_drive() -> None:
    uris = [i["request"]["uri"] for name in cassettes() for i in interactions(name)]
    assert len(uris) >= 240
    assert any(u.startswith(HOSTS[0]) for u in uris) and any(u.startswith(HOSTS[1]) for u in uris)
