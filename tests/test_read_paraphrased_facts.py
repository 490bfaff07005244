# ruff: noqa: E501
"""Paraphrases of facts the reader once missed or read wrong on documents it had never seen: do the
fixes made for one document carry over to the same facts written another way?

Each group below starts from one arrival failure of a tuning set (a document the reader had not been
tuned on, read by the reader of the day the set was added): a count, a date, a user limit, a code
host or a repository size in a passage of a certain shape, often beside a trap (a limit, a plan, an
open question, a host not connected, an old figure, a typical value, another environment). The
probes write the same facts as another engineer would: a table as a list or as prose, a label as a
sentence, the order reversed, the trap worded differently. Each expects the value a careful TA
would record (None where the document leaves the field open), compared on all nine fields below.

`_MISSING`: probes the reader does not read yet, where no value is also accepted (never a wrong one);
`_WRONG`: probes it still reads wrong (strict xfail, with the reason the fix would need a guess).
"""

from __future__ import annotations

from typing import Any

import pytest

from handoff.core.fields import Catalogue
from handoff.read.tdd import read_document
from handoff.validate.tdd_view import tdd_fields
from paraphrase_harness import (
    ADO,
    BBDC,
    FIELD_CODES,
    GERRIT,
    GHC,
    GHES,
    GLSM,
    WRAP_FORMATS,
    html_table,
)
from probe_harness import check_probe_list, probe_document, probe_params

_WRAP = WRAP_FORMATS
_table = html_table

# the fields these probes speak of (a field not listed is not compared)
_FIELDS = {k: FIELD_CODES[k] for k in ("H", "R", "M", "G", "U", "CU", "MR", "S", "C")}


# fmt: off
PROBES: list[tuple[str, str, Any, dict[str, Any]]] = [
    # --- 55/01: a requirements table (licence, design point, ceiling, count at go-live) beside a growth forecast ---
    ("demand-list", "prod",
        "<h3>Demand</h3><ul><li>Licence: 8,500 named users</li><li>Design point: 1,200 concurrent users at peak</li>"
        "<li>Ceiling: 18,000 repositories</li><li>At go-live: 12,300 repositories, 5.8 TB of git data</li></ul>"
        "<p>Engineering forecasts 16,000 repositories and 11,000 users by the end of FY2028; these are planning inputs, not provisioned now.</p>",
        {"U": 8500, "CU": 1200, "MR": 18000, "R": 12300, "G": 5800}),
    ("demand-prose", "prod",
        "<p>The platform must support 8,500 named users (the licence) with a design point of 1,200 concurrent users, "
        "and holds up to 18,000 repositories. 12,300 repositories are indexed at go-live, 5.8 TB of git data on disk. "
        "Growth to 11,000 users and 16,000 repositories by FY2028 is a forecast and is not provisioned.</p>",
        {"U": 8500, "CU": 1200, "MR": 18000, "R": 12300, "G": 5800}),
    ("demand-value-first-table", "prod",
        "<h3>Demand</h3>" + _table(("Value", "Requirement"), ("8,500", "Named users (licence)"),
                                   ("1,200", "Peak concurrent users (design point)"), ("18,000", "Repository ceiling"),
                                   ("12,300", "Repositories at go-live")),
        {"U": 8500, "CU": 1200, "MR": 18000, "R": 12300}),
    ("key-numbers-value-first", "prod",
        "<h3>Key numbers</h3>" + _table(("2,400", "Repositories"), ("1", "Monorepos"), ("650 GB", "Total repository size")),
        {"R": 2400, "M": 1, "G": 650}),
    ("go-live-label-counts", "prod",
        "<p>Go-live: 2,400 repositories, 650 GB of git data</p>",
        {"R": 2400, "G": 650}),
    ("design-point-label", "prod",
        "<p>Design point: 300 concurrent users</p>",
        {"CU": 300}),
    # --- 55/01: the monorepos named in a list rather than counted ---
    ("monorepos-named-colon", "prod",
        "<p>Monorepos: freight-core (41 GB), routing-engine (17 GB) and hfs-web (9 GB).</p>",
        {"M": 3}),
    ("monorepos-three-words", "prod",
        "<p>We index three monorepos: freight-core, routing-engine and hfs-web. freight-core is the largest.</p>",
        {"M": 3}),
    ("monorepos-sentence-count", "prod",
        "<p>Of the 12,300 repositories, three are monorepos (freight-core, routing-engine, hfs-web).</p>",
        {"M": 3, "R": 12300}),
    ("monorepos-bulleted-names", "prod",
        "<p>Monorepos:</p><ul><li>freight-core (41 GB)</li><li>routing-engine (17 GB)</li></ul>",
        {"M": 2}),
    ("monorepos-names-table-row", "prod",
        _table(("Repositories", "1,200"), ("Monorepos", "freight-core, routing-engine")),
        {"M": 2, "R": 1200}),
    ("monorepos-pointer-not-names", "prod",
        "<p>Monorepos: see section 4.2</p>",
        {}),
    # --- 55/03: users and concurrency in one sentence, a load test's simulated users beside ---
    ("cu-searching-at-once", "prod",
        "<p>Sized for 4,500 users, of whom 650 may be searching at once at peak.</p>"
        "<p>A load test on a throw-away cluster simulated 900 concurrent users.</p>",
        {"U": 4500, "CU": 650}),
    ("cu-simultaneous-first", "prod",
        "<p>Up to 650 people searching simultaneously at peak, out of a licensed 4,500 users.</p>",
        {"U": 4500, "CU": 650}),
    ("cu-load-test-first", "prod",
        "<p>Locust replayed 900 concurrent users against a perf cluster in May.</p>"
        "<p>Production is licensed for 4,500 users; the concurrency it is sized for is 650.</p>",
        {"U": 4500, "CU": 650}),
    # --- 55/05: a brain dump's git-on-disk total and peak concurrency target ---
    ("size-git-on-disk", "prod",
        "<p>4 monorepos, biggest is engine at 480 GB</p><p>total git on disk ~9.8 TB</p>"
        "<p>sized for 3,500 users (~3,000 devs today), peak concurrency target 500</p>",
        {"M": 4, "G": 9800, "U": 3500, "CU": 500}),
    ("size-bullets", "prod",
        "<ul><li>all repos together: about 9.8 TB on disk</li><li>users: sized for 3,500 (roughly 3,000 devs now)</li>"
        "<li>concurrency: 500 at peak (target)</li></ul>",
        {"G": 9800, "U": 3500, "CU": 500}),
    ("size-sentence", "prod",
        "<p>The repositories take roughly 9.8 TB of disk between them.</p>",
        {"G": 9800}),
    # --- 56/01: a host named in an open question is not connected ---
    ("host-open-question-table", "prod",
        _table(("Code host", "Repositories"), ("GitHub Enterprise Server", "1,800"), ("GitLab Self-Managed", "600"))
        + "<h3>Open questions</h3>" + _table(("Question", "Answer / owner"),
            ("Do we connect the Bitbucket Cloud workspace from the acquisition (~200 repos)?", "Not yet, Anna Berg to decide in Q3")),
        {"H": [GHES, GLSM], "R": 2400}),
    ("host-open-question-bullet", "prod",
        "<p>Code hosts:</p><ul><li>GitHub Enterprise Server: 1,800 repositories</li><li>GitLab Self-Managed: 600 repositories</li>"
        "<li>Bitbucket Cloud (the acquired team, about 200 repos): not connected yet, decision in Q3</li></ul>",
        {"H": [GHES, GLSM], "R": 2400}),
    ("host-open-question-prose", "prod",
        "<p>We index 1,800 repositories on GitHub Enterprise Server and 600 on GitLab Self-Managed. Whether to add the "
        "acquired team's Bitbucket Cloud workspace is still open.</p>",
        {"H": [GHES, GLSM], "R": 2400}),
    # --- 57/02: a host discussed and parked ---
    ("host-parked-prose", "prod",
        "<p>Everything comes from Bitbucket Data Center (bitbucket.kestrelby.local): 2,310 repositories, no monorepos. "
        "The hardware group keeps FPGA code in Perforce; connecting Perforce was discussed and parked until next year.</p>",
        {"H": [BBDC], "R": 2310, "M": 0}),
    ("host-parked-status-table", "prod",
        _table(("Code host", "Status", "Repositories"), ("Bitbucket Data Center", "connected", "2,310"),
               ("Perforce", "parked until 2027", "—")),
        {"H": [BBDC], "R": 2310}),
    ("host-on-hold-item", "prod",
        "<ul><li>GitLab Self-Managed: 1,200 repositories</li><li>Gerrit: on hold until the firmware team agrees</li></ul>",
        {"H": [GLSM], "R": 1200}),
    # --- 61/03: a host's count with the old tool's share in brackets ---
    ("count-old-share-brackets", "prod",
        "<ul><li>Azure DevOps: 1,240 repositories (Hound had 620 of them)</li><li>GitHub.com: 310 repositories</li>"
        "<li>no monorepos; everything on gitserver is about 480 GB</li></ul>",
        {"H": [ADO, GHC], "R": 1550, "M": 0, "G": 480}),
    ("count-old-share-dash", "prod",
        "<p>Azure DevOps — 1,240 repos (620 of which Hound used to index); GitHub.com — 310 repos.</p>",
        {"H": [ADO, GHC], "R": 1550}),
    ("count-old-share-up-from", "prod",
        "<p>Sourcegraph now indexes 1,240 Azure DevOps repositories, up from the 620 Hound covered, and 310 on GitHub.com.</p>",
        {"H": [ADO, GHC], "R": 1550}),
    ("count-host-breakdown-colon", "prod",
        "<p>GitHub Enterprise Server: 2,000 repositories (300 of them archived); Gerrit: 150 repositories.</p>",
        {"H": [GHES, GERRIT], "R": 2150}),
    ("count-estate-breakdown-dash", "prod",
        "<p>2,150 repositories — 2,000 from GitHub Enterprise Server and 150 from Gerrit.</p>",
        {"H": [GHES, GERRIT], "R": 2150}),
    # --- 63/02: parts then their total; a host asked not to connect ---
    ("count-parts-making-total", "prod",
        "<p>1,620 repositories come from GitHub Enterprise Server and another 140 from Gerrit, 1,760 in all. "
        "GitHub.com (a few personal projects) is deliberately not connected.</p>",
        {"H": [GHES, GERRIT], "R": 1760}),
    ("count-parts-total-list", "prod",
        "<ul><li>GHES: 1,620 repos</li><li>Gerrit: 140 repos</li><li>Total: 1,760</li>"
        "<li>GitHub.com: not connected (we were asked not to)</li></ul>",
        {"H": [GHES, GERRIT], "R": 1760}),
    # --- 67/05: a form's typical column beside the customer's ---
    ("limits-typical-column-after", "prod",
        "<p>Upper limits the deployment was sized for:</p>"
        + _table(("Limit", "Ashgrove", "Typical"), ("Users", "600", "1,000"), ("Concurrent users", "90", "100"),
                 ("Repositories", "2,500", "5,000")),
        {"U": 600, "CU": 90, "MR": 2500}),
    ("limits-typical-in-brackets", "prod",
        "<p>Sizing limits: 600 users, 90 concurrent users, 2,500 repositories (a typical deployment of this shape "
        "is sized for 1,000 / 100 / 5,000).</p>",
        {"U": 600, "CU": 90, "MR": 2500}),
    ("limits-guidance-example", "prod",
        "<p>Q12. What upper limits was the deployment sized for?</p>"
        "<p><i>e.g. 1,000 users, 100 concurrent users, 5,000 repositories</i></p>"
        "<p>A: 600 users, 90 concurrent users, 2,500 repositories.</p>",
        {"U": 600, "CU": 90, "MR": 2500}),
    ("limits-lead-in-table", "prod",
        "<p>Agreed with the customer as the sizing basis:</p>"
        + _table(("Item", "Figure"), ("Users", "600"), ("Concurrent users", "90"), ("Repositories", "2,500")),
        {"U": 600, "CU": 90, "MR": 2500}),
    ("limits-ceiling-header", "prod",
        _table(("Ceiling", "Value"), ("Users", "600"), ("Repositories", "2,500")),
        {"U": 600, "MR": 2500}),
    ("usage-against-limits-table", "prod",
        "<p>Usage against the limits:</p>"
        + _table(("Item", "Used"), ("Repositories", "1,900")),
        {"R": 1900}),
    ("usage-header-beside-limit", "prod",
        _table(("Limit", "Used"), ("Repositories", "1,900")),
        {"R": 1900}),
    # --- 67/03: the actual dates after a plan copied from another customer ---
    ("dates-actual-after-plan", "prod",
        "<p>Actual dates: the server was ordered on 6 August 2026 and the production build ran from Monday 10 August "
        "2026 to Friday 21 August 2026, when the depot had finished indexing.</p>",
        {"S": "2026-08-10", "C": "2026-08-21"}),
    ("dates-build-ran-between", "prod",
        "<p>The production build ran between 10 and 21 August 2026 (ordered 6 August).</p>",
        {"S": "2026-08-10", "C": "2026-08-21"}),
    # --- 68/03: a host out of scope for this phase ---
    ("host-out-of-scope-prose", "prod",
        "<p>Connected: Bitbucket Data Center with 1,460 repositories and Gerrit with 85. Azure DevOps, where the apps "
        "team keeps about 300 repositories, is out of scope for this phase.</p>",
        {"H": [BBDC, GERRIT], "R": 1545}),
    ("host-out-of-scope-table", "prod",
        _table(("Code host", "Repositories", "In scope"), ("Bitbucket Data Center", "1,460", "yes"),
               ("Gerrit", "85", "yes"), ("Azure DevOps", "~300", "no (phase 2)")),
        {"H": [BBDC, GERRIT], "R": 1545}),
    # --- 73/05: a limit raised later (changelog) ---
    ("cu-raised-in-changelog", "prod",
        "<p>users: up to 2,200</p><p>concurrent users: 350</p><p>repositories: cap of 6,000</p>"
        "<h3>Changelog</h3>" + _table(("Version", "Date", "Change"),
            ("1.3", "2026-09-30", "concurrent-user limit raised 350 → 500 by the steering group")),
        {"U": 2200, "CU": 500, "MR": 6000}),
    ("repos-label-capped-at", "prod",
        "<p>Repositories: capped at 6k by the order form</p>",
        {"MR": 6000}),
    ("repos-label-count-and-cap", "prod",
        "<p>Repositories: 4,200 today (limit of 6,000)</p>",
        {"R": 4200, "MR": 6000}),
    ("cu-raised-sentence", "prod",
        "<p>Limits: 2,200 users, 6,000 repositories, 350 concurrent users. On 30 September the steering group raised "
        "the concurrent-user limit to 500.</p>",
        {"U": 2200, "CU": 500, "MR": 6000}),
    ("cu-board-lowered", "prod",
        "<p>Licence: 1,000 users; concurrency limit 200.</p><p>In October the board lowered the concurrency limit to 150.</p>",
        {"U": 1000, "CU": 150}),
    ("cu-raise-planned-not-made", "prod",
        "<p>Licence: 1,000 users; concurrency limit 200.</p><p>The board will raise the concurrency limit to 300 next year.</p>",
        {"U": 1000, "CU": 200}),
    # --- 74/01: shorthand counts and limits ---
    ("shorthand-hosts-then-total", "prod",
        "<p>repos: ~2.1k on GHE + 300ish on BBDC → 2,400 synced in total</p>",
        {"H": [GHES, BBDC], "R": 2400}),
    ("shorthand-users", "prod",
        "<p>ppl: 1.2k licensed, ~250 concurrent at peak</p>",
        {"U": 1200, "CU": 250}),
    ("shorthand-limits-slashes", "prod",
        "<p>800 users (lic) / ~120 conc at peak / repo cap 3k</p>",
        {"U": 800, "CU": 120, "MR": 3000}),
    # --- 74/02: month/day dates whose year is given once elsewhere ---
    ("dates-year-once", "prod",
        "<p>All dates in these notes are 2026.</p><ul><li>prod build start: 4/21</li><li>prod done: 5/6</li></ul>",
        {"S": "2026-04-21", "C": "2026-05-06"}),
    # --- 75/02: a host's count, another's, "that makes" the total; an old host not connected ---
    ("count-that-makes-not-connected", "prod",
        "<p>GitHub Enterprise Cloud (org quillfeather-bio): 2,700 repos synced. GitLab Self-Managed (the research "
        "group's): 450. 3,150 in total. The ~60 old AWS CodeCommit repos are not connected; they are being moved into GitHub.</p>",
        {"H": [GHC, GLSM], "R": 3150}),
    ("count-aside-label-then-total", "prod",
        "<p>GitHub Enterprise Server (org acme): 1,400 repos. Gerrit (firmware team): 90. 1,490 in total.</p>",
        {"H": [GHES, GERRIT], "R": 1490}),
    ("count-two-hosts-sentence", "prod",
        "<p>We sync 2,700 repositories from GitHub Enterprise Cloud and 450 from the research group's GitLab Self-Managed.</p>",
        {"H": [GHC, GLSM], "R": 3150}),
    ("count-from-owners-host", "prod",
        "<p>Sourcegraph indexes 1,300 repositories from GitHub Enterprise Server and 220 from the firmware team's Gerrit.</p>",
        {"H": [GHES, GERRIT], "R": 1520}),
    ("count-in-year-not-a-count", "prod",
        "<p>We index 1,300 repositories on GitHub Enterprise Server; Gerrit was retired in 2024 on the platform team's request.</p>",
        {"H": [GHES], "R": 1300}),
    # --- 81/04: limits in one line, a later plan's users beside ---
    ("limits-one-line-plan-after", "prod",
        "<p>7.1 Max users 1,200 / max concurrent users 150 / max repositories 5,000.</p>"
        "<p>7.2 The 2027 plan to onboard the China branch (about 300 more users) is not part of this design.</p>",
        {"U": 1200, "CU": 150, "MR": 5000}),
    ("limits-reversed-order", "prod",
        "<p>Agreed limits: 5,000 repositories, 150 concurrent users, 1,200 users in all.</p>",
        {"U": 1200, "CU": 150, "MR": 5000}),
    # --- 86/03: named licences among a larger population; sign-off dates of another process ---
    ("users-of-the-people", "prod",
        "<p>Of the 2,900 people in R&amp;D, 1,200 hold a named Sourcegraph licence; the others keep read access elsewhere.</p>",
        {"U": 1200}),
    ("users-seats-of-staff", "prod",
        "<p>1,200 of the 2,900 R&amp;D staff have a Sourcegraph seat.</p>",
        {"U": 1200}),
    ("dates-build-after-security-signoff", "prod",
        "<p>Questionnaire submitted 2 June 2026; security sign-off 19 June 2026.</p>"
        "<p>Build of production 6 July 2026 to 17 July 2026 (completed as planned). Validation of the tool: 20–31 July 2026.</p>",
        {"S": "2026-07-06", "C": "2026-07-17"}),
    # --- 88/04, 80/06: the repositories' size against other sizes ---
    ("size-after-clone-du", "prod",
        "<p>One monorepo (qf-pipelines, 14 GB .git, also the largest). Total on gitserver after the clone: 920 GB "
        "(du -sh on the three gitserver volumes).</p>",
        {"M": 1, "G": 920}),
    ("size-git-data-sentence", "prod",
        "<p>All of the git data together comes to roughly 310 GB on the gitserver volumes.</p>",
        {"G": 310}),
    # --- 97/03: an update paragraph replaces a figure and a date ---
    ("update-supersedes-users", "prod",
        "<p>Licence: 850 users. Go-live: 16 February 2026.</p>"
        "<p><b>Update 20 February 2026:</b> the licence was reduced to 600 users before signing, and go-live actually "
        "happened on 6 February 2026, not the 16th.</p>",
        {"U": 600, "C": "2026-02-06"}),
    # --- 101/02: a CAB note's requested figure against the approved one ---
    ("cab-approved-users", "prod",
        "<p>The change request asked for 3,500 users; the CAB approved 2,000.</p>",
        {"U": 2000}),
    ("cab-go-live-moved", "prod",
        "<p>Go-live was booked for 17 April 2026 and moved by the CAB; production went live on 24 April 2026.</p>",
        {"C": "2026-04-24"}),
]
# fmt: on

_MISSING = frozenset(
    {
        "cab-approved-users",
        "count-old-share-up-from",
        "cu-load-test-first",
        "cu-raise-planned-not-made",
        "demand-list",
        "demand-value-first-table",
        "limits-guidance-example",
        "limits-typical-in-brackets",
        "monorepos-sentence-count",
        "size-after-clone-du",
    }
)
_WRONG: frozenset[str] = frozenset()  # (none left: each wrong reading was fixed)


def _read(wrapper: str, body: Any, catalogue: Catalogue) -> dict[str, Any]:
    view = tdd_fields(read_document(probe_document(_WRAP, wrapper, body), catalogue).values, catalogue)
    out: dict[str, Any] = {}
    for short, name in _FIELDS.items():
        fv = view.fields.get(name)
        value = None if fv is None or name in view.conflicted else fv.to_json()["value"]
        out[short] = sorted(value) if isinstance(value, list) else value
    return out


@pytest.mark.parametrize(("wrapper", "body", "expect", "missing"), probe_params(PROBES, _MISSING, _WRONG))
def test_paraphrase(
    catalogue: Catalogue, pinned: None, wrapper: str, body: Any, expect: dict[str, Any], missing: bool
) -> None:
    got = _read(wrapper, body, catalogue)
    for short in _FIELDS:
        want = expect.get(short)
        want = sorted(want) if isinstance(want, list) else want
        assert got[short] in (want, None) if missing else got[short] == want, (short, got[short], want)


def test_the_paraphrases_are_many_and_named_once() -> None:
    check_probe_list(PROBES, 40, _MISSING, _WRONG)
