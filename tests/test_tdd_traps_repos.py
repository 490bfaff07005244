"""Trap probes of the code hosts and the repository count (`code_hosts`, `repositories`): the
production figure or host beside one the keys forbid, in many layouts (see tests/traps_harness.py).
H code hosts, R repositories."""

from __future__ import annotations

from traps_harness import TABS, UL, H, P, Probe, T, probe_tests

GHE = ["GitHub Enterprise Server"]
GL = ["GitLab Self-Managed"]
GHE_GL = ["GitHub Enterprise Server", "GitLab Self-Managed"]

# fmt: off
PROBES: list[Probe] = [
    # --- no trap ---
    ("plain-lv", "prod", T(("Item", "Value"), ("Code hosts", "GitHub Enterprise Server"), ("Repositories", "2,400")), {"H": GHE, "R": 2400}),  # noqa: E501
    ("plain-prose", "prod", P("Sourcegraph indexes 2,400 repositories from GitHub Enterprise Server."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("plain-bullets", "prod", UL("Code host: GitLab self-managed", "Repositories: 2,400"), {"H": GL, "R": 2400}),  # noqa: E501
    ("plain-qa", "bare", P("<b>Q: Which code hosts are connected?</b>", "A: GitHub Enterprise and GitLab self-managed.", "<b>Q: How many repositories?</b>", "A: About 2,400."), {"H": GHE_GL, "R": 2400}),  # noqa: E501
    ("plain-numbered", "bare", H(2, "2. Production") + H(3, "2.3 Code hosts") + P("GitHub Enterprise Server, 2,400 repositories."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("plain-tabs", "tabs", TABS(("Production", ["## Code hosts", "GitHub Enterprise Server: 1,600 repos", "GitLab self-managed: 800 repos"])), {"H": GHE_GL, "R": 2400}),  # noqa: E501
    ("plain-host-table", "prod", T(("Code host", "Repositories"), ("GitHub Enterprise Server", "1,600"), ("GitLab self-managed", "800")), {"H": GHE_GL, "R": 2400}),  # noqa: E501

    # --- another environment ---
    ("env-preprod-cols", "bare", T(("", "Pre-prod", "Prod"), ("Code hosts", "GitLab self-managed", "GitHub Enterprise Server"), ("Repositories", "150", "2,400")), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-acceptance-prose", "prod", P("Production indexes 2,400 repositories from GitHub Enterprise Server.", "The acceptance instance only syncs 120 repositories from a test GitLab."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-otap-a", "prod", P("Repositories: 2,400.", "In OTAP's A-street (acceptatie) we mirror 300 of them."), {"R": 2400}),  # noqa: E501
    ("env-bluegreen", "prod", P("The green (live) deployment indexes 2,400 repositories; blue, the old side kept for rollback, still shows 1,900."), {"R": 2400}),  # noqa: E501
    ("env-sandbox", "prod", P("Code hosts: GitHub Enterprise Server (2,400 repositories).", "The sandbox is wired to a Gitea box with 40 repos for experiments."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-dr", "prod", P("Repositories: 2,400. The standby site re-clones them from the same GitHub Enterprise Server."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-lab-bullets", "bare", UL("Lab<ul><li>Code host: Bitbucket Server</li><li>Repos: 60</li></ul>", "Production<ul><li>Code host: GitHub Enterprise Server</li><li>Repos: 2,400</li></ul>"), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-perf", "prod", P("Repositories: 2,400.", "The perf environment clones a synthetic set of 10,000 repositories to stress gitserver."), {"R": 2400}),  # noqa: E501
    ("env-nonlive", "prod", P("The customer's non-live tier indexes 500 repositories from Azure DevOps; the live tier indexes 2,400 from GitHub Enterprise Server."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-tabs", "tabs", TABS(("Production", ["Code host: GitHub Enterprise Server", "Repositories: 2,400"]), ("Sandbox", ["Code host: GitLab self-managed", "Repositories: 40"])), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-env-rows", "bare", T(("Environment", "Code host", "Repos"), ("Non-prod", "GitLab self-managed", "200"), ("Prod", "GitHub Enterprise Server", "2,400")), {"H": GHE, "R": 2400}),  # noqa: E501
    ("env-qa", "bare", P("<b>Q: How many repositories does production index?</b>", "A: 2,400.", "<b>Q: And pre-production?</b>", "A: 250, a sample."), {"R": 2400}),  # noqa: E501

    # --- a hypothetical or an option ---
    ("opt-if-gitlab", "prod", P("Code host: GitHub Enterprise Server. If we went with GitLab instead, nothing in the design would change."), {"H": GHE}),  # noqa: E501
    ("opt-option-b", "prod", P("Option A (chosen): connect GitHub Enterprise Server only.", "Option B: connect GitHub Enterprise Server and Bitbucket Server."), {"H": GHE}),  # noqa: E501
    ("opt-alternative-repos", "prod", P("Repositories: 2,400. An alternative scope with all forks would be about 6,000."), {"R": 2400}),  # noqa: E501
    ("opt-could-add", "prod", P("GitHub Enterprise Server is connected. Perforce could be added later if the game studio joins."), {"H": GHE}),  # noqa: E501

    # --- an estimate or recommendation ---
    ("est-estimate", "prod", P("The SE's estimate was around 3,000 repositories; the sync finished with 2,400."), {"R": 2400}),  # noqa: E501
    ("est-estimate-only", "prod", P("Estimated repositories: roughly 3,000 (to be confirmed after the first sync)."), {"R": None}),  # noqa: E501
    ("est-rough-guess", "prod", P("Rough guess from the customer: 5k repos. Actual synced: 2,400."), {"R": 2400}),  # noqa: E501

    # --- a plan not done ---
    ("plan-host-later", "prod", P("GitHub Enterprise Server is connected. Bitbucket Server will be connected in phase 2."), {"H": GHE}),  # noqa: E501
    ("plan-host-pending", "prod", T(("Code host", "Status"), ("GitHub Enterprise Server", "Connected"), ("GitLab self-managed", "Planned (Q3)")), {"H": GHE}),  # noqa: E501
    ("plan-repos-onboard", "prod", P("2,400 repositories are indexed today; another 1,000 from the mobile org will be onboarded next quarter."), {"R": 2400}),  # noqa: E501
    ("plan-not-yet", "prod", P("Code hosts: GitHub Enterprise Server (connected), Perforce (not yet connected)."), {"H": GHE}),  # noqa: E501

    # --- a quote from another document ---
    ("quote-sow", "prod", P("The SOW listed \u201cGitHub, GitLab and Bitbucket\u201d as code hosts; only GitHub Enterprise Server was connected."), {"H": GHE}),  # noqa: E501
    ("quote-repos", "prod", P("The kickoff deck quoted \u201c4,000 repos\u201d. The real number is 2,400."), {"R": 2400}),  # noqa: E501

    # --- a whole next to Sourcegraph's part ---
    ("whole-org", "prod", P("The GitHub Enterprise Server instance holds 9,000 repositories; 2,400 of them are synced to Sourcegraph."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("whole-company", "prod", P("Acme has about 12,000 repositories across all teams. Sourcegraph indexes 2,400."), {"R": 2400}),  # noqa: E501
    ("whole-table", "prod", T(("Code host", "Repos on host", "Repos in Sourcegraph"), ("GitHub Enterprise Server", "9,000", "1,600"), ("GitLab self-managed", "3,000", "800")), {"H": GHE_GL, "R": 2400}),  # noqa: E501

    # --- a capacity, maximum or quota ---
    ("cap-licence", "prod", P("Repositories: 2,400 (the licence allows up to 10,000)."), {"R": 2400}),
    ("cap-max-only", "prod", P("Maximum repositories: 10,000"), {"R": None}),
    ("cap-limit-table", "prod", T(("Item", "Value"), ("Repositories", "2,400"), ("Repository limit", "10,000")), {"R": 2400}),  # noqa: E501

    # --- a forecast ---
    ("fc-growth", "prod", P("Repositories: 2,400 now, forecast 4,000 by the end of 2027."), {"R": 2400}),
    ("fc-table", "prod", T(("", "Today", "In 12 months"), ("Repositories", "2,400", "3,500")), {"R": 2400}),
    ("fc-only", "prod", P("We expect to reach 4,000 repositories next year."), {"R": None}),
    # --- further phrasings of the rules these probes led to ---
    ("x-status-brackets", "prod", P("Code hosts: GitLab self-managed (live), Bitbucket Server (planned), Gerrit (not connected)."), {"H": GL}),  # noqa: E501
    ("x-status-brackets-yet", "prod", P("Hosts: Perforce (not yet), GitHub Enterprise Server (connected since May)."), {"H": GHE}),  # noqa: E501
    ("x-status-brackets-descoped", "prod", P("Connected: GitHub Enterprise Server (all orgs) and Azure DevOps (descoped)."), {"H": GHE}),  # noqa: E501
    ("x-status-aside-neutral", "prod", P("Code hosts: Perforce (3 depots) is not connected, GitHub Enterprise Server (all orgs) is."), {"H": GHE}),  # noqa: E501
    ("x-status-env-asides", "prod", P("GitLab self-managed (staging only) and GitHub Enterprise Server (production) are connected."), {"H": GHE}),  # noqa: E501
    ("x-of-which-after", "prod", P("The GitLab instance has 5,200 projects, 2,400 of which are indexed."), {"R": 2400}),  # noqa: E501
    ("x-of-them-semicolon", "prod", P("There are 6,000 repositories on GitHub Enterprise Server; only 2,400 of them are cloned."), {"H": GHE, "R": 2400}),  # noqa: E501
    ("x-of-those-semicolon", "prod", P("Acme's Bitbucket holds 7,500 repos; about 2,400 of those are searchable."), {"R": 2400}),  # noqa: E501
    ("x-columns-indexed", "prod", T(("Code host", "Repositories (all)", "Repositories indexed"), ("GitHub Enterprise Server", "9,000", "1,600"), ("GitLab self-managed", "3,000", "800")), {"H": GHE_GL, "R": 2400}),  # noqa: E501
    ("x-columns-synced-first", "prod", T(("Host", "Synced repos", "Repos on the host"), ("GitHub Enterprise Server", "2,400", "9,000")), {"H": GHE, "R": 2400}),  # noqa: E501
    ("x-quote-sow-repos", "prod", P("The statement of work says \"approximately 5,000 repositories\".", "Repositories: 2,400"), {"R": 2400}),  # noqa: E501
    ("x-quote-wiki-hosts", "prod", P("The old wiki page lists \u201cGitLab, Gerrit\u201d; today only GitHub Enterprise Server is connected."), {"H": GHE}),  # noqa: E501
    ("x-estimated-repos-label", "prod", T(("Item", "Value"), ("Estimated repository count", "3,000"), ("Repositories", "2,400")), {"R": 2400}),  # noqa: E501
    ("x-nonlive-rows", "bare", T(("Tier", "Repositories"), ("Non-live", "300"), ("Live", "2,400")), {"R": 2400}),  # noqa: E501
]
# fmt: on

WRONG: dict[str, str] = {}
GAPS = frozenset(
    {
        "env-dr",
        "env-nonlive",
        "est-estimate",
        "est-rough-guess",
        "fc-table",
        "opt-alternative-repos",
        "opt-could-add",
        "opt-option-b",
        "plan-host-later",
        "plan-host-pending",
        "quote-repos",
        "whole-company",
        "x-columns-synced-first",
        "x-quote-wiki-hosts",
        "x-status-aside-neutral",
        "x-status-brackets-descoped",
        "x-status-env-asides",
    }
)


test_the_probes, test_never_wrong, test_read = probe_tests(PROBES, 40, WRONG, GAPS)
