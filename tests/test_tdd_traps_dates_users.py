"""Trap probes of the build dates and the user limit (`start_date`, `completion_date`, `max_users`):
the production value beside one the keys forbid, in many layouts (see tests/traps_harness.py).
S start date, E completion date, U max users."""

from __future__ import annotations

from traps_harness import TABS, UL, P, Probe, T, probe_tests

# fmt: off
PROBES: list[Probe] = [
    # --- no trap ---
    ("plain-lv", "prod", T(("Item", "Value"), ("Build start", "2 March 2026"), ("Build completion", "20 March 2026"), ("Max users", "1,000")), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501
    ("plain-prose", "prod", P("The production build started on 2 March 2026 and was completed on 20 March 2026. The licence covers 1,000 users."), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501
    ("plain-bullets", "prod", UL("Start: 2026-03-02", "Completed: 2026-03-20", "Licensed users: 1,000"), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501
    ("plain-qa", "bare", P("<b>Q: When was production built?</b>", "A: From 2 March 2026; signed off 20 March 2026.", "<b>Q: How many users is it licensed for?</b>", "A: 1,000."), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501
    ("plain-tabs", "tabs", TABS(("Production", ["## Timeline", "Build started: 2 March 2026", "Build completed: 20 March 2026", "## Licence", "Max users: 1,000"])), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501

    # --- another environment ---
    ("env-preprod-first", "prod", P("Pre-prod was built 2–6 February 2026.", "Production build: started 2 March 2026, completed 20 March 2026."), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501
    ("env-acceptance-cols", "bare", T(("Milestone", "Acceptance", "Production"), ("Build start", "2 Feb 2026", "2 Mar 2026"), ("Build complete", "13 Feb 2026", "20 Mar 2026")), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501
    ("env-dr-later", "prod", P("Production went live on 20 March 2026 after a build that began 2 March 2026.", "The DR site was stood up later, 6–10 April 2026."), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501
    ("env-sandbox-users", "prod", P("Licence: 1,000 users. The sandbox has its own 25-user trial licence."), {"U": 1000}),  # noqa: E501
    ("env-nonlive-users-cols", "bare", T(("", "Non-live", "Live"), ("Max users", "50", "1,000")), {"U": 1000}),  # noqa: E501
    ("env-tabs", "tabs", TABS(("Staging", ["Build started: 2 February 2026", "Build completed: 6 February 2026"]), ("Production", ["Build started: 2 March 2026", "Build completed: 20 March 2026"])), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501
    ("env-lab-bullets", "bare", UL("Lab<ul><li>Built: 12 January 2026</li><li>Users: 20</li></ul>", "Production<ul><li>Build start: 2 March 2026</li><li>Completed: 20 March 2026</li><li>Users: 1,000</li></ul>"), {"S": "2026-03-02", "E": "2026-03-20", "U": 1000}),  # noqa: E501
    ("env-perf-test", "prod", P("Build: 2–20 March 2026. The perf environment's load tests finished on 3 April 2026."), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501

    # --- a hypothetical or an option ---
    ("opt-users-option", "prod", P("Licence: 1,000 users.", "Option B, not taken, was an enterprise-wide licence for 5,000 users."), {"U": 1000}),  # noqa: E501
    ("opt-if-all", "prod", P("Max users: 1,000. If we rolled it out to all engineering it would be 3,500."), {"U": 1000}),  # noqa: E501
    ("opt-date-if", "prod", P("Completed on 20 March 2026. Had the firewall change gone through earlier, we could have finished by 6 March 2026."), {"E": "2026-03-20"}),  # noqa: E501

    # --- an estimate ---
    ("est-completion", "prod", P("Build started 2 March 2026. Estimated completion: 27 March 2026."), {"S": "2026-03-02", "E": None}),  # noqa: E501
    ("est-users", "prod", P("Expected user base is estimated at 1,500 developers; the licence is for 1,000 users."), {"U": 1000}),  # noqa: E501
    ("est-users-only", "prod", P("Rough estimate of users: 1,500."), {"U": None}),

    # --- a plan not done ---
    ("plan-target-go-live", "prod", P("Build started 2 March 2026; target go-live is 30 April 2026."), {"S": "2026-03-02", "E": None}),  # noqa: E501
    ("plan-schedule-table", "prod", T(("Milestone", "Planned", "Actual"), ("Build start", "23 Feb 2026", "2 Mar 2026"), ("Build complete", "13 Mar 2026", "20 Mar 2026")), {"S": "2026-03-02", "E": "2026-03-20"}),  # noqa: E501
    ("plan-not-started", "prod", P("The production build is scheduled to start on 4 May 2026 and finish by 22 May 2026."), {"S": None, "E": None}),  # noqa: E501
    ("plan-users-rise", "prod", P("Licence: 1,000 users, to be raised to 2,000 at renewal."), {"U": 1000}),

    # --- a quote from another document ---
    ("quote-sow-date", "prod", P("The SOW's timeline had the build complete on 1 March 2026; it actually completed on 20 March 2026."), {"E": "2026-03-20"}),  # noqa: E501
    ("quote-users", "prod", P("The order form says \u201cup to 2,000 users\u201d for the enterprise plan; this deployment is licensed for 1,000."), {"U": 1000}),  # noqa: E501

    # --- a whole next to the part ---
    ("whole-headcount", "prod", P("Acme employs 12,000 people, of whom 1,000 are licensed Sourcegraph users."), {"U": 1000}),  # noqa: E501
    ("whole-engineering", "prod", T(("Item", "Value"), ("Engineering headcount", "4,200"), ("Licensed users", "1,000")), {"U": 1000}),  # noqa: E501

    # --- a capacity ---
    ("cap-sized-for", "prod", P("Licensed users: 1,000. The instance is sized to support up to 5,000 users."), {"U": 1000}),  # noqa: E501
    ("cap-sized-only", "prod", P("The hardware can serve up to 5,000 users."), {"U": (5000, None)}),  # a sizing target is a max_* field  # noqa: E501

    # --- a forecast ---
    ("fc-users", "prod", P("Max users: 1,000. Forecast: 1,800 users by Q4 2026."), {"U": 1000}),
    ("fc-users-table", "prod", T(("", "Now", "Year 2"), ("Users", "1,000", "2,000")), {"U": 1000}),
    ("fc-date", "prod", P("Build completed 20 March 2026. The second phase is forecast to complete on 30 June 2026."), {"E": "2026-03-20"}),  # noqa: E501
    # --- further phrasings of the rules these probes led to ---
    ("x-estimated-go-live", "prod", P("Build started 2 March 2026.", "Estimated go-live: 3 April 2026"), {"S": "2026-03-02", "E": None}),  # noqa: E501
    ("x-ballpark-users", "prod", P("Ballpark user count: 2,000", "Licensed users: 1,000"), {"U": 1000}),
    ("x-quote-deck-date", "prod", P("The kickoff deck showed completion on 6 March 2026; the build was signed off on 20 March 2026."), {"E": "2026-03-20"}),  # noqa: E501
    ("x-quote-email-users", "prod", P("The sales email quoted \u201c3,000 seats\u201d.", "Max users: 1,000"), {"U": 1000}),  # noqa: E501
]
# fmt: on

WRONG: dict[str, str] = {}
GAPS = frozenset(
    {
        "fc-users-table",
        "opt-users-option",
        "plain-qa",
        "quote-users",
    }
)


test_the_probes, test_never_wrong, test_read = probe_tests(PROBES, 30, WRONG, GAPS)
