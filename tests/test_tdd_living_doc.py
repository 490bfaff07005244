"""TDD reader: a living document whose original text is followed by dated updates under the same
heading ("UPDATE 2 Sep 2026 (Priya): …", "Edit 2026-09-15: …"). The latest update wins; the text it
updates is older than any entry. A production word used as a verb ("it will live at …") names no
environment."""

from __future__ import annotations

import pytest

from handoff.core.fields import Catalogue
from handoff.read.envwords import Environments
from tdd_snippets import read


@pytest.mark.parametrize(
    "html",
    [
        # paragraphs: an update with its author in brackets
        "<h2>Address</h2><p>It will live at https://sg.example.games.</p>"
        "<p>UPDATE 2026-09-15 (Maya, IT): renamed to https://code.example.games to match our tools.</p>",
        # list items: an edit line with a dash
        "<h2>Where to find it</h2><ul><li>Engineers reach it at https://sg.example.games</li>"
        "<li>Edit 15 Sep 2026 — engineers now reach it at https://code.example.games, the old name"
        " redirects for a month</li></ul>",
        # a bold entry label, a dotted day-first date
        "<h3>Access</h3><p>Users open https://sg.example.games in the browser.</p>"
        "<p><b>Amended 15.09.2026:</b> the address is now https://code.example.games.</p>",
    ],
)
def test_the_latest_update_wins_over_the_text_it_updates(catalogue: Catalogue, html: str) -> None:
    assert read(html, catalogue).get("instance_url", [])[-1:] == ["https://code.example.games"]
    assert "https://sg.example.games" not in read(html, catalogue).get("instance_url", [])


def test_updates_replace_machines_in_their_own_section_only(catalogue: Catalogue) -> None:
    html = (
        "<h2>Machine</h2><p>Nodes: 3 × m6i.4xlarge</p>"
        "<p>Update 2 Oct 2026 (Tom): 4 × m6i.4xlarge after the load review.</p>"
        "<h2>Old notes</h2><p>We first sketched 3 × m6i.4xlarge.</p>"
    )
    assert read(html, catalogue)["instance_types"][0] == "4 × m6i.4xlarge"


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("It will live at https://sg.example.games", ""),
        ("The instance should live in the shared VPC", ""),
        ("Applied to live two days later", "production"),
        ("Live: https://code.example.games", "production"),
    ],
)
def test_live_as_a_verb_names_no_environment(catalogue: Catalogue, text: str, want: str) -> None:
    assert Environments(catalogue).named(text) == want
