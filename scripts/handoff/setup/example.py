"""The example account `handoff sheet init --example` adds: what a complete, valid handoff looks like.

Pure data and one pure renderer: `ACCOUNT` (Accounts-tab values by catalogue field name), `LOGS`
(rows of the log tabs by column key), and `tdd_html`, the example Technical Design Document
that `sheet init --example` imports into Drive so the row's TDD link opens. The values agree
with each other (3 × m6i.4xlarge is 48 vCPU and 192 GiB; the disk clears the rule of thumb; the
largest repository is below the Rockskip threshold), so `handoff check example` reports nothing.

Values are written as a person would type them (USER_ENTERED), so dates become dates and
`TRUE` a ticked checkbox; `typed` keeps any text that the Sheets UI would read as a formula
as plain text. The Vitally account (`externalId` "example") and the Technical Advisor
(`ta@example.com`) do not exist in a real Vitally, so `handoff run example` stops at the plan
in production; the test seed `tests/seeds/empty/` has both, so the tests run it end to end.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import Any

from handoff.core.fields import Catalogue

SLUG = "example"
TDD_KIND = "example-tdd"
TDD_LINK = "{example_tdd_link}"  # replaced by the example TDD's URL when the rows are written

ACCOUNT: Mapping[str, Any] = {
    "account": SLUG,
    "account_name": "Example Corp",
    "vitally_account": "example",
    "tdd_link": TDD_LINK,
    "implementation_engineer": "ie@example.com",
    "technical_advisor": "ta@example.com",
    "start_date": "2025-09-01",
    "completion_date": "2025-10-15",
    "instance_url": "https://sourcegraph.example.com",
    "deployment_type": "Kubernetes with Helm",
    "hosting_provider": "AWS",
    "instance_types": "3 × m6i.4xlarge",
    "total_cpu": 48,
    "total_memory_gb": "192 GiB",
    "total_disk_gb": 2000,
    "code_hosts": "GitHub Enterprise Server, GitLab Self-Managed",
    "repositories": 1200,
    "monorepos": 2,
    "largest_repo_mb": 1500,
    "total_repo_size_gb": 150,
    "max_users": 500,
    "max_concurrent_users": 100,
    "max_repositories": 2000,
    "environments": "production, staging",
}

LOGS: Mapping[str, tuple[Mapping[str, Any], ...]] = {
    "notes": (
        {
            "date": "2025-09-02",
            "category": "limits",
            "author": "ie@example.com",
            "note": "Scoped for up to 500 users (100 concurrent at peak) and 2,000 repositories.",
        },
        {
            "date": "2025-09-20",
            "category": "special deployment",
            "author": "ie@example.com",
            "note": "PostgreSQL externalized to Amazon RDS; SSO through Okta (SAML); no executors yet.",
        },
        {
            "date": "2025-10-06",
            "category": "engineering involvement",
            "author": "ie@example.com",
            "note": "None needed: the one clone timeout on the largest repository was fixed by raising the "
            "gitserver clone timeout.",
        },
        {
            "date": "2025-10-14",
            "category": "other",
            "author": "ie@example.com",
            "note": "The customer's platform team owns upgrades; monthly window on the first Tuesday.",
        },
    ),
    "issues": (
        {
            "id": "EX-1",
            "opened": "2025-10-10",
            "summary": "Code Insights backfill is slow on the largest repository",
            "severity": "medium",
            "status": "open",
            "owner": "ie@example.com",
            "next_step": "Re-test after the next upgrade",
            "link": "https://support.example.com/tickets/1",
        },
    ),
    "risks": (
        {
            "risk": "Repository count grows past the 2,000 scoped",
            "likelihood": "medium",
            "impact": "medium",
            "response": "The TA reviews sizing at the first quarterly review",
            "owner": "ta@example.com",
            "status": "open",
        },
    ),
    "expansion": (
        {
            "opportunity": "Roll out to the data science team",
            "kind": "users",
            "detail": "About 150 more developers in the first quarter",
            "size": "150 seats",
            "contact": "Pat Customer <pat@example.com>",
            "date": "2025-10-12",
        },
    ),
    "checklist": (
        {
            "item": "Infrastructure complete for every customer environment",
            "done": "TRUE",
            "evidence": "Production and staging EKS clusters up (Terraform in the customer's repository)",
        },
        {
            "item": "Sourcegraph deployed and resourced",
            "done": "TRUE",
            "evidence": "Helm chart; resources per the TDD",
        },
        {
            "item": "Code host connections configured",
            "done": "TRUE",
            "evidence": "GitHub Enterprise Server and GitLab Self-Managed connections syncing",
        },
        {
            "item": "Repository syncing and indexing complete",
            "done": "TRUE",
            "evidence": "1,200 repositories cloned and indexed",
        },
        {
            "item": "General site configuration complete (SSO, SMTP, site config)",
            "done": "TRUE",
            "evidence": "Okta SAML, SMTP through SES, site configuration reviewed with the customer",
        },
    ),
}


def typed(value: Any) -> Any:
    """A value for a USER_ENTERED write that can never become a formula."""
    if isinstance(value, str) and value.startswith(("=", "+", "-", "@")):
        return "'" + value
    return value


def tdd_title() -> str:
    return f"{ACCOUNT['account_name']}: Technical Design Document (example)"


def tdd_html(catalogue: Catalogue) -> str:
    """The example TDD: a `Label | Value` table of every field the TDD may give, under "Production"."""
    rows = []
    for name, f in catalogue.fields.items():
        value = ACCOUNT.get(name)
        if not f.from_tdd or value is None or value == TDD_LINK:
            continue
        rows.append(f"<tr><td><b>{escape(f.label)}</b></td><td>{escape(str(value))}</td></tr>")
    table = "\n".join(rows)
    name = escape(str(ACCOUNT["account_name"]))
    title = escape(tdd_title())
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title></head>\n'
        f"<body>\n<h1>{title}</h1>\n"
        "<p>An example made by <code>handoff sheet init --example</code> to show the shape of a TDD the "
        f"tool reads. {name} is not a real customer.</p>\n"
        "<h2>Production deployment</h2>\n"
        "<p>Every value the handoff copies to Vitally, as built. The tool reads two-column tables like this "
        "one and lines that start with a label and a colon, and it skips sections about a trial.</p>\n"
        f"<table>\n{table}\n</table>\n</body></html>\n"
    )
