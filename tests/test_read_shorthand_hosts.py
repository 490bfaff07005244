"""Code hosts as quick working notes write them (learnt from blind 74, terse shorthand notes): a short
name in lower case as a line's label with its count (`ghe (ghe.acme.example, 3.12): 410`) or as a
host column's whole cell, GitLab Self-Managed written `gl sm`, projects written `proj`, and a label
answered with a bare no ("gitlab.com/acme-oss: no.") as a host not connected. Snippets in, values
out; none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from tddview import settled


def _view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(html, catalogue)


@pytest.mark.parametrize(
    ("html", "hosts", "repos"),
    [
        (  # labels with their server's bracket before the count
            "<h2>scm</h2><ul><li>bbs (scm.acme.example, 8.14): 620</li>"
            "<li>ghe (gh.acme.example, 3.13): 1,140 (two orgs)</li></ul>",
            ["Bitbucket Server / Data Center", "GitHub Enterprise Server"],
            1760,
        ),
        (  # GitLab Self-Managed abbreviated, projects abbreviated, an arrow before the count
            "<h2>sources</h2><p>GL SM (code.acme.example) → 2,210 proj</p><p>ado → 75 repos</p>",
            ["GitLab Self-Managed", "Azure DevOps"],
            2285,
        ),
        (  # a host column in lower case: each cell only the host's short name
            "<h2>where the code is</h2><table><tr><td>src</td><td>url</td><td>repos</td></tr>"
            "<tr><td>ghe</td><td>https://git.acme.example</td><td>830</td></tr>"
            "<tr><td>bbs</td><td>https://stash.acme.example</td><td>90</td></tr></table>",
            ["GitHub Enterprise Server", "Bitbucket Server / Data Center"],
            920,
        ),
        (  # the clouds' hosts clipped: `gh.com`, `gl.com`, `bb cloud`, `bb server`
            "<h2>code</h2><ul><li>gl.com (acme group): 1,100</li>"
            "<li>bb server (stash.acme.example): 240</li></ul>",
            ["GitLab.com", "Bitbucket Server / Data Center"],
            1340,
        ),
        (
            "<h2>repos</h2><table><tr><td>where</td><td>repos</td></tr>"
            "<tr><td>gh.com / acme-io</td><td>700</td></tr>"
            "<tr><td>bb cloud / acme-ws</td><td>45</td></tr></table>",
            ["GitHub.com", "Bitbucket Cloud"],
            745,
        ),
    ],
)
def test_short_host_names_as_labels_and_cells(
    html: str, hosts: list[str], repos: int, catalogue: Catalogue
) -> None:
    got = _view(html, catalogue)
    assert sorted(got.get("code_hosts") or []) == sorted(hosts)
    assert got.get("repositories") == repos


@pytest.mark.parametrize(
    "line",
    [
        "github.com/acme-oss: no. only forks of public projects",
        "gitlab.com group → nope (public code, not needed)",
        "GitHub.com = no!",
    ],
)
def test_a_label_answered_no_is_not_connected(line: str, catalogue: Catalogue) -> None:
    html = f"<h2>code</h2><p>bbdc (git.acme.example): 740 repos</p><p>{line}</p>"
    got = _view(html, catalogue)
    assert got.get("code_hosts") == ["Bitbucket Server / Data Center"]
    assert got.get("repositories") == 740


def test_a_label_with_a_no_before_other_words_is_not_a_denial(catalogue: Catalogue) -> None:
    html = "<h2>code</h2><p>bbdc (git.acme.example): 740 repos</p><p>GitLab.com: no monorepos, 35 repos</p>"
    got = _view(html, catalogue)
    assert sorted(got.get("code_hosts") or []) == ["Bitbucket Server / Data Center", "GitLab.com"]


def test_git_alone_in_a_cell_names_no_host(catalogue: Catalogue) -> None:
    html = (
        "<h2>ports</h2><table><tr><td>protocol</td><td>port</td></tr><tr><td>git</td><td>9418</td></tr>"
        "<tr><td>https</td><td>443</td></tr></table>"
    )
    assert _view(html, catalogue).get("code_hosts") is None


def test_a_bracket_holding_a_hosts_count_is_not_skipped(catalogue: Catalogue) -> None:
    # the bracket is the host's own count; the number after "=" is the total, no host's part
    html = (
        "<h2>code</h2><p>Hosts: Gerrit (120 repos) + GitHub Enterprise Server (880 repos) = 1,000 "
        "repositories</p>"
    )
    assert _view(html, catalogue).get("repositories") == 1000
