"""Rendering the handoff document(s) and the Vitally note: what the TA reads, and what must never leak.

Most Handoff objects are built by hand here (a complete "acme"-like account, an account with
empty logs, a sparse one); the last section renders the seeded sandbox accounts (acme, globex,
initech, umbrella) through the real `check_accounts` against the sandbox. Snapshots live in
tests/snapshots/: regenerate them with HANDOFF_UPDATE_SNAPSHOTS=1, then read the diff (and
the documents) before committing: they are reviewed output, not recorded output.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from handoff.core.errors import ConfigError
from handoff.core.fields import load_catalogue, parse_catalogue
from handoff.core.model import Disagreement, FieldValue, Handoff, Location, LogEntry, Problem, Severity
from handoff.core.settings import PROJECT_ROOT, DocsSettings, DocumentSpec, Settings, SheetSettings
from handoff.render.documents import (
    DocInfo,
    RenderContext,
    RenderError,
    RunInfo,
    display,
    document_title,
    format_date,
    format_datetime,
    format_done,
    format_list,
    format_quantity,
    link,
    note_context,
    render_document,
    render_documents,
    render_note,
)

SNAPSHOTS = Path(__file__).parent / "snapshots"
CATALOGUE = load_catalogue(PROJECT_ROOT / "config" / "fields.toml")
GENERATED_AT = dt.datetime(2026, 3, 3, 9, 30, tzinfo=dt.UTC)
TITLE = "{name}: Sourcegraph implementation handoff"


# -- building Handoff objects by hand ----------------------------------------------------------


def fv(name: str, value: Any, ref: str, text: str | None = None, source: str = "sheet") -> FieldValue:
    return FieldValue(name, value, str(value) if text is None else text, source, Location(source, ref))


def entry(tab: str, row: int, **values: Any) -> LogEntry:
    return LogEntry(values, Location("sheet", f"{tab}!{row}:{row}"))


TDD_INFRA = 'TDD tab "Production" › Infrastructure › table 1'


def acme() -> Handoff:
    """A complete account, ready for handoff, with something in every log."""
    fields = [
        fv("account", "acme", "Accounts!A2"),
        fv("account_name", "Acme Corporation", "Accounts!B2"),
        fv("vitally_account", "acme-prod", "Accounts!C2"),
        fv("tdd_link", "https://docs.google.com/document/d/1AcmeTddSandbox/edit", "Accounts!D2"),
        fv("implementation_engineer", "Dana Whitfield", "Accounts!E2"),
        fv("technical_advisor", "morgan.ta@sourcegraph.example", "Accounts!F2"),
        fv("start_date", dt.date(2026, 1, 12), "Accounts!G2", "2026-01-12"),
        fv("completion_date", dt.date(2026, 3, 2), 'TDD tab "Production" › Timeline', "March 2, 2026", "tdd"),
        fv("instance_url", "https://sourcegraph.acme.example", "Accounts!I2"),
        fv("deployment_type", "Kubernetes with Helm", "Accounts!J2", "helm"),
        fv("hosting_provider", "AWS", "Accounts!K2", "Amazon Web Services"),
        fv("instance_types", ["3 × m6i.4xlarge", "1 × r6i.2xlarge"], TDD_INFRA, "3x m6i.4xlarge", "tdd"),
        fv("total_cpu", 56, "Accounts!M2"),
        fv("total_memory_gb", 256, "Accounts!N2", "256 GiB"),
        fv("total_disk_gb", 4000, "Accounts!O2", "4 TB"),
        fv("code_hosts", ["GitHub Enterprise Server", "GitLab self-managed"], "Accounts!P2"),
        fv("repositories", 12500, "Accounts!Q2", "12,500"),
        fv("monorepos", 2, "Accounts!R2"),
        fv("largest_repo_mb", 3400.5, "Accounts!S2", "3.4 GB"),
        fv("max_users", 2000, "Accounts!T2"),
        fv("max_concurrent_users", 400, "Accounts!U2"),
        fv("max_repositories", 15000, "Accounts!V2"),
        fv("environments", ["production", "staging"], "Accounts!W2"),
    ]
    return Handoff(
        account="acme",
        fields={f.name: f for f in fields},
        notes=(
            entry(
                "Notes",
                2,
                date=dt.date(2026, 1, 20),
                category="limits",
                note="Plans to grow to 3,000 users by Q4.",
                author="Dana Whitfield",
            ),
            entry(
                "Notes",
                3,
                date=dt.date(2026, 2, 3),
                category="special deployment",
                note="Rockskip enabled for the monorepo.\nPostgreSQL externalized to Amazon RDS.",
                author="Dana Whitfield",
            ),
            entry(
                "Notes",
                4,
                date=dt.date(2026, 2, 10),
                category="engineering involvement",
                note="gitserver ran out of memory during the first clone; engineering raised the "
                "limits (https://github.com/sourcegraph/sourcegraph/issues/123).",
                author="Dana Whitfield",
            ),
            entry("Notes", 5, date=None, category="other", note="Customer prefers Slack over email."),
        ),
        issues=(
            entry(
                "Issues",
                2,
                id="ACME-9",
                opened=dt.date(2026, 2, 1),
                summary="SAML login loop",
                severity="medium",
                status="resolved",
                owner="Dana Whitfield",
                next_step="",
                link="",
            ),
            entry(
                "Issues",
                3,
                id="ACME-12",
                opened=dt.date(2026, 2, 20),
                summary="Search timeouts on the monorepo",
                severity="high",
                status="in progress",
                owner="Dana Whitfield",
                next_step="Raise search.limits.maxTimeout",
                link="https://linear.example/ACME-12",
            ),
            entry(
                "Issues",
                4,
                id="ACME-14",
                opened=dt.date(2026, 2, 26),
                summary="Precise indexing backlog",
                severity="critical",
                status="open",
                owner="Sourcegraph engineering",
                next_step="Add executors",
                link="",
            ),
        ),
        risks=(
            entry(
                "Risks",
                2,
                risk="Executors share the gitserver node pool",
                likelihood="low",
                impact="medium",
                response="Move executors to their own pool",
                owner="Customer platform team",
                status="mitigated",
            ),
            entry(
                "Risks",
                3,
                risk="Repository count may double after an acquisition",
                likelihood="medium",
                impact="high",
                response="Resize gitserver before onboarding",
                owner="TA",
                status="open",
            ),
        ),
        expansion=(
            entry(
                "Expansion",
                2,
                opportunity="Roll out to the data team",
                kind="users",
                detail="About 500 more engineers",
                size="500 seats",
                contact="cto@acme.example",
                date=dt.date(2026, 2, 25),
            ),
            entry(
                "Expansion",
                3,
                opportunity="Batch Changes",
                kind="feature",
                detail="",
                size="",
                contact="",
                date=None,
            ),
        ),
        checklist=(
            entry(
                "Checklist",
                2,
                item="Infrastructure complete for every environment",
                done=True,
                evidence="https://docs.google.com/document/d/1AcmeTddSandbox/edit#infra",
            ),
            entry(
                "Checklist",
                3,
                item="Sourcegraph deployed and resourced",
                done=True,
                evidence="Helm release 5.9",
            ),
            entry(
                "Checklist",
                4,
                item="Code hosts connected, repositories synced and indexed",
                done=True,
                evidence=None,
            ),
        ),
        problems=(
            Problem(
                Severity.WARNING,
                "Largest repository is 3,400 MB and Rockskip is not mentioned.",
                "largest_repo_mb",
                Location("sheet", "Accounts!S2"),
                "consider enabling Rockskip",
            ),
        ),
        disagreements=(
            Disagreement(
                "completion_date",
                "2026-02-27",
                Location("sheet", "Accounts!H2"),
                "March 2, 2026",
                Location("tdd", 'TDD tab "Production" › Timeline'),
                "tdd",
            ),
        ),
    )


def quiet() -> Handoff:
    """Fields recorded, but nothing in any log and no checklist."""
    base = acme()
    return Handoff(account="hooli", fields={k: v for k, v in base.fields.items() if k != "account_name"})


def sparse() -> Handoff:
    """Every field present but empty, log rows with missing columns: the "None" trap."""
    fields = {name: fv(name, None, f"Accounts!{name}", "") for name in acme().fields}
    return Handoff(
        account="sparse",
        fields=fields,
        notes=(entry("Notes", 2, category="limits"), entry("Notes", 3)),
        issues=(entry("Issues", 2), entry("Issues", 3, status=None, severity=None)),
        risks=(entry("Risks", 2),),
        expansion=(entry("Expansion", 2),),
        checklist=(entry("Checklist", 2), entry("Checklist", 3, done=None, item=None)),
        problems=(Problem(Severity.ERROR, "Sourcegraph instance URL is missing", "instance_url"),),
    )


def context(handoff: Handoff, **run: Any) -> RenderContext:
    run.setdefault("generated_at", GENERATED_AT)
    run.setdefault("ready", handoff.checklist_complete)
    run.setdefault("tool_version", "0.1.0")
    run.setdefault("review_due_days", 7)  # the default [vitally] task_due_days
    doc = DocInfo("handoff", document_title(TITLE, handoff), "handoff.html.j2")
    return RenderContext(
        doc, RunInfo(**run), (doc,), labels=CATALOGUE.display_labels, formats=CATALOGUE.display_formats
    )


def render(handoff: Handoff, **run: Any) -> str:
    return render_document("handoff.html.j2", handoff, context(handoff, **run))


def settings(*docs: DocumentSpec) -> Settings:
    return Settings(
        sheet=SheetSettings(spreadsheet="sheet-id"),
        docs=DocsSettings(documents=docs) if docs else DocsSettings(),
        root=str(PROJECT_ROOT),
    )


def assert_snapshot(name: str, html: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("HANDOFF_UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, encoding="utf-8")
    assert path.exists(), f"no snapshot {path}; run with HANDOFF_UPDATE_SNAPSHOTS=1 and review it"
    assert html == path.read_text(encoding="utf-8"), f"{name} changed; HANDOFF_UPDATE_SNAPSHOTS=1 to accept"


# -- an HTML checker: what Drive import keeps, and nothing a TA should not see ------------------

ALLOWED = {
    "html",
    "head",
    "meta",
    "title",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "b",
    "i",
    "u",
    "a",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "th",
    "td",
    "br",
}
VOID = {"meta", "br"}
# "None" as a value; a person's sentence ("None needed for production.") is fine.
LEAKED_NONE = re.compile(r"\bNone\b(?!\s+[a-z])")


class Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.table_rows: list[list[str]] = []  # per table: the tag of each row's first cell

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag not in ALLOWED:
            self.problems.append(f"tag <{tag}> does not survive Drive import")
        for key, value in attrs:
            if key == "class" or key == "id":
                self.problems.append(f"<{tag} {key}>: Drive import ignores classes")
            if key == "href":
                self.hrefs.append(value or "")
        if tag.startswith("h") and tag[1:].isdigit() and "div" in self.stack:
            self.problems.append(f"<{tag}> inside a div is not imported as a heading")
        if tag == "table":
            self.table_rows.append([])
        if tag in ("th", "td") and self.stack and self.stack[-1] == "tr":
            rows = self.table_rows[-1]
            if not rows or rows[-1] == "closed":
                rows.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr" and self.table_rows and self.table_rows[-1]:
            self.table_rows[-1][-1:] = [self.table_rows[-1][-1], "closed"]
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> does not close {self.stack[-1:] or 'anything'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "title" not in self.stack:
            self.text.append(data)


def check_html(html: str, *, fragment: bool = False) -> Checker:
    c = Checker()
    c.feed(html.removeprefix("<!DOCTYPE html>\n"))
    c.close()
    assert not c.problems, c.problems
    assert not c.stack, f"unclosed: {c.stack}"
    assert not LEAKED_NONE.search(html), "a None leaked into the output"
    for href in c.hrefs:
        assert re.match(r"https?://", href), href
    if not fragment:
        assert c.tags.count("h1") == 1
        for rows in c.table_rows:
            assert rows, "an empty table"
    return c


def visible_text(html: str) -> str:
    return " ".join(" ".join(check_html(html).text).split())


def headings(html: str, level: int) -> list[str]:
    return re.findall(rf"<h{level}>(.*?)</h{level}>", html)


# -- the complete account ---------------------------------------------------------------------


def test_acme_reads_like_a_handoff_document() -> None:
    html = render(acme())
    check_html(html)
    assert headings(html, 1) == ["Acme Corporation: Sourcegraph implementation handoff"]
    assert headings(html, 2) == [
        "Summary",
        "Next steps for the Technical Advisor",
        "Production deployment",
        "Code hosts",
        "Implementation notes",
        "Issues log",
        "Risk log",
        "Expansion opportunities",
        "Close-out checklist",
        "Appendix: sources and checks",
    ]
    assert headings(html, 3) == [
        "Upper limits discussed",
        "Special deployment details",
        "Significant errors and engineering involvement",
        "Other notes",
        "Resolved during implementation",
        "Where each value came from",
        "Disagreements between the tracking sheet and the TDD",
        "Warnings",
    ]
    text = visible_text(html)
    for fragment in (
        "Generated by handoff 0.1.0 on 3 March 2026, 09:30 UTC",
        "Customer Acme Corporation",
        "Implementation started 12 January 2026",
        "Implementation completed 2 March 2026",
        "Handoff status Handed over to the Technical Advisor",
        "Readiness Ready (all 3 close-out items done)",
        "Open issues 2 (1 critical, 1 high)",
        "Open risks 1 (1 high impact)",
        "Machine instance types 3 × m6i.4xlarge, 1 × r6i.2xlarge",
        "Total CPU 56 vCPU",
        "Total memory 256 GB",
        "Total disk 4,000 GB",
        "Repositories 12,500",
        "Largest repository 3,400.5 MB",
        "Maximum users 2,000",
        "2 open issues, most severe first.",
        "All 3 items are done.",
    ):
        assert fragment in text, fragment
    assert (
        '<td style="border:1px solid #bdc1c6;padding:4px 6px;vertical-align:top;width:35%"><b>Customer</b>'
        in html
    )
    assert '<a href="https://sourcegraph.acme.example">https://sourcegraph.acme.example</a>' in html
    assert '<a href="https://linear.example/ACME-12">ACME-12</a>' in html
    assert "Rockskip enabled for the monorepo.<br>PostgreSQL externalized" in html
    assert "DRAFT" not in html


def test_acme_logs_are_ordered_for_the_ta() -> None:
    html = render(acme())
    # open issues most severe first; the resolved one after, in its own table
    assert html.index("ACME-14") < html.index("ACME-12") < html.index("ACME-9")
    # open risks before mitigated ones
    assert html.index("Repository count may double") < html.index("Executors share the gitserver")
    assert "<th style=" in html and "<b>Planned response</b>" in html


def test_acme_snapshot() -> None:
    assert_snapshot("handbuilt-acme.html", render(acme()))


def test_rendering_is_deterministic() -> None:
    first = render(acme())
    assert render(acme()) == first
    later = render(acme(), generated_at=GENERATED_AT + dt.timedelta(days=1))
    changed = [(a, b) for a, b in zip(first.splitlines(), later.splitlines(), strict=True) if a != b]
    assert len(changed) == 2 and "Generated by handoff" in changed[0][0]
    assert "due <b>10 March 2026</b>" in changed[1][0] and "due <b>11 March 2026</b>" in changed[1][1]
    assert "Generated by handoff 0.1.0 from" in render(acme(), generated_at=None)


# -- empty and sparse accounts ------------------------------------------------------------------


def test_empty_logs_say_so_instead_of_empty_tables() -> None:
    html = render(quiet(), mode="draft")  # no checklist: not ready, so only ever a draft
    check_html(html)
    text = visible_text(html)
    for sentence in (
        "No special deployment details were recorded.",
        "No significant errors or engineering involvement were recorded.",
        "No open issues were recorded.",
        "No risks were recorded.",
        "No expansion opportunities were recorded.",
        "No close-out checklist was recorded, so the implementation cannot be confirmed complete.",
        "Readiness Not ready (no close-out checklist was recorded)",
        "Open issues 0",
        "Handoff status Draft for review (not handed over yet)",
        "The tracking sheet and the TDD agree on every field both of them record.",
        "No warnings.",
    ):
        assert sentence in text, sentence
    assert "<th" not in html.split("<h2>Issues log</h2>")[1].split("<h2>Appendix")[0]
    assert "Other notes" not in text and "Resolved during implementation" not in text
    assert headings(html, 1) == ["hooli: Sourcegraph implementation handoff"]  # no name: the slug


def test_empty_logs_snapshot() -> None:
    assert_snapshot("handbuilt-empty-logs.html", render(quiet(), mode="draft"))


@pytest.mark.parametrize("mode", ["final", "draft"])
def test_no_none_anywhere_even_when_everything_is_missing(mode: str) -> None:
    h = sparse()
    html = render(h, mode=mode, override_reason=None)
    check_html(html)
    text = visible_text(html)
    assert "Customer sparse" in text
    assert "Sourcegraph instance Not recorded" in text and "Total memory Not recorded" in text
    assert "Not done" in text
    note = render_note(h, context(h, mode=mode))
    check_html(note, fragment=True)


def test_errors_are_listed_in_a_draft() -> None:
    text = visible_text(render(sparse(), mode="draft"))
    assert "Errors These block the final handoff" in text
    assert "Sourcegraph instance URL is missing." in text


# -- draft, readiness, override -----------------------------------------------------------------


def test_draft_banner_only_on_drafts() -> None:
    draft = render(acme(), mode="draft")
    check_html(draft)
    assert "<b>DRAFT: not handed over yet.</b>" in draft
    assert draft.index("DRAFT") < draft.index("<h2>Summary</h2>")
    assert "Handoff status Draft for review (not handed over yet)" in visible_text(draft)
    assert "DRAFT" not in render(acme(), mode="final")
    note = render_note(acme(), context(acme(), mode="draft"))
    assert "(DRAFT)" in note


def test_override_reason_is_shown_in_the_doc_and_the_note() -> None:
    h = quiet()
    reason = "Customer signed off <b>on</b> the checklist by email; sheet to follow"
    html = render(h, ready=False, override_reason=reason)
    text = visible_text(html)
    assert "Handoff status Handed over with a readiness override" in text
    assert f"Readiness override {reason}" in text
    assert "&lt;b&gt;on&lt;/b&gt;" in html
    note = render_note(h, context(h, ready=False, override_reason=reason))
    assert "Readiness override: Customer signed off &lt;b&gt;on&lt;/b&gt;" in note
    assert "Readiness override" not in render(h, ready=False)


def test_not_ready_counts_the_checklist() -> None:
    base = acme()
    h = Handoff(
        base.account, base.fields, checklist=(*base.checklist[:2], entry("Checklist", 9, item="Indexing"))
    )
    text = visible_text(render(h))
    assert "Readiness Not ready (2 of 3 close-out items done)" in text
    assert "2 of 3 items are done." in text
    assert "Indexing Not done" in text


# -- safety: data is never template source, never markup, never a bad link -----------------------

EVIL = [
    "{{ 7*7 }}",
    "{% for x in range(3) %}loop{% endfor %}",
    "<script>alert(1)</script>",
    "{{ handoff.__class__ }}",
]


def evil_handoff() -> Handoff:
    base = acme()
    fields = dict(base.fields)
    fields["account_name"] = fv("account_name", EVIL[0] + " & Sons", "Accounts!B2")
    fields["deployment_type"] = fv("deployment_type", EVIL[1], "Accounts!J2")
    fields["hosting_provider"] = fv("hosting_provider", EVIL[2], "Accounts!K2")
    fields["implementation_engineer"] = fv("implementation_engineer", EVIL[3], "Accounts!E2")
    fields["instance_url"] = fv("instance_url", "javascript:alert(1)", "Accounts!I2")
    fields["tdd_link"] = fv("tdd_link", 'https://docs.google.com/x" onclick="alert(1)', "Accounts!D2")
    notes = (entry("Notes", 2, category="special deployment", note=EVIL[2] + " " + EVIL[0], author=EVIL[1]),)
    issues = (
        entry(
            "Issues",
            2,
            id="<i>X</i>",
            summary=EVIL[0],
            severity="high",
            status="open",
            link="javascript:alert(1)",
            next_step="see http://ok.example/<script>",
        ),
    )
    dis = (
        Disagreement(
            "total_cpu", EVIL[0], Location("sheet", EVIL[2]), EVIL[1], Location("tdd", EVIL[3]), "sheet"
        ),
    )
    warn = (Problem(Severity.WARNING, EVIL[2], "total_cpu", Location("sheet", EVIL[0]), EVIL[1]),)
    return Handoff(
        base.account,
        fields,
        notes=notes,
        issues=issues,
        disagreements=dis,
        problems=warn,
        checklist=(entry("Checklist", 2, item=EVIL[2], done=True, evidence="javascript:alert(1)"),),
    )


def test_values_are_data_not_templates_and_are_escaped() -> None:
    h = evil_handoff()
    note = render_note(h, context(h, override_reason=EVIL[1] + EVIL[2]))
    for html in (render(h), note):
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "{{ 7*7 }}" in html and "49" not in html
        assert "{% for x in range(3) %}loop{% endfor %}" in html and "looploop" not in html
        assert "{{ handoff.__class__ }}" in html and "&lt;class" not in html and "<class" not in html
        assert "javascript:" not in re.sub(r">[^<]*<", "><", html)  # only ever as text, never in an attribute
    check_html(note, fragment=True)
    html = render(h)
    check_html(html)
    assert "<h1>{{ 7*7 }} &amp; Sons: Sourcegraph implementation handoff</h1>" in html
    assert "<title>{{ 7*7 }} &amp; Sons: Sourcegraph implementation handoff</title>" in html
    assert "&lt;i&gt;X&lt;/i&gt;" in html
    assert 'onclick="' not in html
    assert '<a href="http://ok.example/">http://ok.example/</a>&lt;script&gt;' in html


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "https://sg.example/a?b=1&c=2",
            '<a href="https://sg.example/a?b=1&amp;c=2">https://sg.example/a?b=1&amp;c=2</a>',
        ),
        ("HTTP://SG.EXAMPLE", '<a href="HTTP://SG.EXAMPLE">HTTP://SG.EXAMPLE</a>'),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("mailto:ta@example.com", "mailto:ta@example.com"),
        ("data:text/html,<script>x</script>", "data:text/html,&lt;script&gt;x&lt;/script&gt;"),
        ("https://", "https://"),
        ("https://evil.example/\nx", "https://evil.example/\nx"),
        ("//no-scheme.example", "//no-scheme.example"),
        (None, "—"),
    ],
)
def test_links_only_for_http_urls(value: str | None, expected: str) -> None:
    assert str(link(value)) == expected


def test_link_text_is_escaped_too() -> None:
    assert (
        str(link("https://a.example", "<b>x</b>")) == '<a href="https://a.example">&lt;b&gt;x&lt;/b&gt;</a>'
    )


# -- strictness: a template typo fails loudly ---------------------------------------------------


def write_templates(tmp_path: Path, body: str) -> Path:
    (tmp_path / "t.html.j2").write_text(body, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "body",
    [
        "{{ handoff.acount }}",
        "{{ hanfoff.account }}",
        "{{ run.generated }}",
        "{{ separate.issue }}",
        "{% for e in handoff.isues %}{% endfor %}",
        "{{ handoff.account|no_such_filter }}",
        "{{ handoff.__class__.__mro__ }}",
        "{% if x %}",
    ],
)
def test_template_mistakes_raise(tmp_path: Path, body: str) -> None:
    folder = write_templates(tmp_path, body)
    with pytest.raises(RenderError):
        render_document("t.html.j2", acme(), context(acme()), templates=folder)


def test_a_typo_in_the_real_templates_is_caught(tmp_path: Path) -> None:
    src = PROJECT_ROOT / "templates"
    for path in src.rglob("*.j2"):
        target = tmp_path / path.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    summary = tmp_path / "partials" / "summary.html.j2"
    summary.write_text(
        summary.read_text(encoding="utf-8").replace("handoff.issues", "handoff.issue"), "utf-8"
    )
    with pytest.raises(RenderError, match="issue"):
        render_document("handoff.html.j2", acme(), context(acme()), templates=tmp_path)


def test_missing_template_is_a_configuration_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"nope\.html\.j2"):
        render_document("nope.html.j2", acme(), context(acme()), templates=tmp_path)
    with pytest.raises(ConfigError):
        render_document("../templates/handoff.html.j2", acme(), context(acme()), templates=tmp_path)


def test_autoescape_is_on_for_custom_templates(tmp_path: Path) -> None:
    folder = write_templates(tmp_path, "<p>{{ handoff.value('account_name') }}</p>")
    html = render_document("t.html.j2", evil_handoff(), context(acme()), templates=folder)
    assert html == "<p>{{ 7*7 }} &amp; Sons</p>\n"


# -- titles -------------------------------------------------------------------------------------


def test_document_title_fills_name_and_account_only() -> None:
    h = acme()
    assert document_title(TITLE, h) == "Acme Corporation: Sourcegraph implementation handoff"
    assert document_title("{account} / {name} {{draft}}", h) == "acme / Acme Corporation {draft}"
    assert document_title("{name}", quiet()) == "hooli"
    evil = evil_handoff()
    assert document_title("{name}: {account}", evil) == "{{ 7*7 }} & Sons: acme"
    odd = Handoff("acme", {"account_name": fv("account_name", "Braces {account} {0} }{ \n Inc", "B2")})
    assert document_title("{name}", odd) == "Braces {account} {0} }{ Inc"


@pytest.mark.parametrize(
    "spec",
    [
        "{customer}",
        "{name.__class__}",
        "{name[0]}",
        "{name!r}",
        "{name:>30}",
        "{}",
        "{0}",
        "unbalanced {",
        "unbalanced }",
    ],
)
def test_document_title_rejects_other_placeholders(spec: str) -> None:
    with pytest.raises(ConfigError):
        document_title(spec, acme())


# -- formatting ---------------------------------------------------------------------------------


def test_formatting_filters() -> None:
    assert format_date(dt.date(2026, 3, 2)) == "2 March 2026"
    assert format_date("2026-12-25") == "25 December 2026"
    assert format_date("sometime in May") == "sometime in May"
    assert format_date(None) == "—"
    assert format_datetime(dt.datetime(2026, 3, 2, 16, 5, tzinfo=dt.timezone(dt.timedelta(hours=2)))) == (
        "2 March 2026, 14:05 UTC"
    )
    assert format_datetime("2026-03-02T14:05:00Z") == "2 March 2026, 14:05 UTC"
    assert format_quantity(192, "GB") == "192 GB"
    assert format_quantity(192.0, "GB") == "192 GB"
    assert format_quantity(1536.5, "MB") == "1,536.5 MB"
    assert format_quantity(224, "GB", written="224 GiB") == "224 GB"  # one unit: no second figure
    assert format_quantity(6.25, "GB", written="6,250 MB") == "6.2 GB (6,250 MB)"
    assert format_quantity(2500.0, "GB", written="2.5  TB") == "2,500 GB (2.5 TB)"
    assert format_quantity(4000, "GB", written="4,000 gb") == "4,000 GB"
    assert format_quantity(4000, "GB", written="4000") == "4,000 GB"
    assert format_quantity(12500) == "12,500"
    assert format_quantity("about 2 TB", "GB") == "about 2 TB"
    assert format_quantity(None, "GB", "Not recorded") == "Not recorded"
    assert format_quantity(0, "GB") == "0 GB"
    assert format_list(["GitHub", "GitLab"]) == "GitHub, GitLab"
    assert format_list([{"type": "m6i.4xlarge", "count": 3}, {"type": "r6i.large", "count": 1}]) == (
        "3 × m6i.4xlarge, r6i.large"
    )
    assert format_list([]) == "—"
    assert format_done(True) == "Done" and format_done("✓") == "Done"
    assert format_done(False) == "Not done" and format_done(None) == "Not done"
    assert str(display(None)) == "—" and str(display("", "Not recorded")) == "Not recorded"
    assert str(display(False)) == "No" and str(display(3.0)) == "3"
    assert str(display("a\nb <c>")) == "a<br>b &lt;c&gt;"
    assert (
        str(display("see https://x.example/a."))
        == 'see <a href="https://x.example/a">https://x.example/a</a>.'
    )


def test_credentials_in_urls_never_reach_the_document() -> None:
    url = "https://admin:hunter2@sourcegraph.globex.example/search"
    assert str(link(url)) == "https://***@sourcegraph.globex.example/search"
    assert str(display(f"was {url}")) == "was https://***@sourcegraph.globex.example/search"
    base = acme()
    fields = dict(base.fields)
    fields["instance_url"] = fv("instance_url", url, "Accounts!I2")
    tdd = Location("tdd", "TDD › Access")
    dis = (Disagreement("instance_url", url, Location("sheet", "Accounts!I2"), "ftp://u:p@h", tdd, "sheet"),)
    h = Handoff(base.account, fields, disagreements=dis)
    html = render(h)
    check_html(html)
    assert "hunter2" not in html and "u:p@" not in html and "admin" not in html
    assert "hunter2" not in render_note(h, context(h))


# -- the Vitally note ---------------------------------------------------------------------------


def test_note_is_short_and_links_the_doc() -> None:
    h = acme()
    url = "https://docs.google.com/document/d/1HandoffDoc/edit"
    note = render_note(h, context(h, doc_links={"handoff": url}))
    check_html(note, fragment=True)
    text = " ".join(" ".join(check_html(note, fragment=True).text).split())
    assert note.startswith("<p><b>Sourcegraph implementation handoff: Acme Corporation</b></p>")
    assert f'<a href="{url}">Acme Corporation: Sourcegraph implementation handoff</a>' in note
    for fragment in (
        "Status: Handed over to the Technical Advisor",
        "Readiness: Ready (all 3 close-out items done)",
        "Open issue ACME-14 (Critical): Precise indexing backlog",
        "Open risk (High impact)",
    ):
        assert fragment in text, fragment
    assert "Generated" not in note and "3 March 2026" not in note  # stable across runs: no timestamp
    assert "<b>Next steps</b>" in note and "Open issue ACME-14" in note
    assert len(note) < 2000  # a summary, the next steps, the link: a few lines each
    assert note == render_note(h, context(h, doc_links={"handoff": url}, generated_at=None))


def test_note_without_a_doc_url_names_the_doc() -> None:
    note = render_note(acme(), context(acme()))
    assert "Handoff document: <i>Acme Corporation: Sourcegraph implementation handoff</i>" in note


# -- configured documents: one combined doc, or separate log docs -------------------------------


def test_default_configuration_renders_one_combined_document() -> None:
    docs = render_documents(settings(), CATALOGUE, acme(), RunInfo(generated_at=GENERATED_AT, ready=True))
    assert [(d.kind, d.title) for d in docs] == [
        ("handoff", "Acme Corporation: Sourcegraph implementation handoff")
    ]
    assert docs[0].html == render(acme())


def test_separate_log_documents_are_cross_linked() -> None:
    s = settings(
        DocumentSpec(kind="handoff", title=TITLE, template="handoff.html.j2"),
        DocumentSpec(kind="issues", title="{name}: issues log", template="issues-log.html.j2"),
        DocumentSpec(kind="risks", title="{name}: risk log", template="risk-log.html.j2"),
    )
    links = {
        "handoff": "https://docs.google.com/document/d/H/edit",
        "issues": "https://docs.google.com/document/d/I/edit",
    }
    run = RunInfo(generated_at=GENERATED_AT, ready=True, doc_links=links)
    main, issues, risks = render_documents(s, CATALOGUE, acme(), run)
    for d in (main, issues, risks):
        check_html(d.html)
    # the combined doc points at the separate logs instead of repeating them
    assert '<a href="https://docs.google.com/document/d/I/edit">Acme Corporation: issues log</a>' in main.html
    assert "Open issues: 2 (1 critical, 1 high)" in main.html
    assert "kept in its own document: <i>Acme Corporation: risk log</i>" in main.html  # no URL yet
    assert "<b>Planned response</b>" not in main.html and "<b>Next step</b>" not in main.html
    # the log docs carry the tables and point back
    assert headings(issues.html, 1) == ["Acme Corporation: issues log"]
    assert headings(issues.html, 2) == ["Open issues", "Resolved during implementation"]
    assert "<b>Next step</b>" in issues.html and "ACME-14" in issues.html
    assert (
        '<a href="https://docs.google.com/document/d/H/edit">Acme Corporation: Sourcegraph implementation'
        in (issues.html)
    )
    assert headings(risks.html, 2) == ["Risks and planned responses"]
    assert "Resize gitserver before onboarding" in risks.html
    note = render_note(acme(), note_context(s, CATALOGUE, acme(), run))
    assert "Related document: <i>Acme Corporation: risk log</i>" in note
    assert 'Handoff document: <a href="https://docs.google.com/document/d/H/edit">' in note


def test_separate_log_documents_with_empty_logs() -> None:
    s = settings(
        DocumentSpec(kind="handoff", title=TITLE, template="handoff.html.j2"),
        DocumentSpec(kind="issues", title="{name}: issues log", template="issues-log.html.j2"),
        DocumentSpec(kind="risks", title="{name}: risk log", template="risk-log.html.j2"),
    )
    main, issues, risks = render_documents(s, CATALOGUE, quiet(), RunInfo(generated_at=GENERATED_AT))
    assert "No open issues were recorded." in issues.html and "<table" not in issues.html
    assert "No risks were recorded." in risks.html and "<table" not in risks.html
    assert "Open issues: 0." in main.html and "Open risks: 0." in main.html


# -- the seeded sandbox accounts, through the real check pipeline -------------------------------

SEEDED_TODAY = dt.date(2026, 11, 20)
SEEDED_AT = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)
SEEDED = ("acme", "globex", "initech", "umbrella")


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Handoff]:
    """The seeded accounts as `handoff check` sees them (sandbox in-process, fresh state)."""
    from handoff.commands import open_clients
    from handoff.core.settings import load_settings
    from handoff.read.batch import check_accounts

    state = tmp_path_factory.mktemp("sandbox-state")
    with pytest.MonkeyPatch.context() as mp:
        for name in list(os.environ):
            if name.startswith("HANDOFF_"):
                mp.delenv(name)
        s = load_settings(
            PROJECT_ROOT / "config" / "handoff.toml",
            overrides={
                "sandbox.state_dir": str(state),
                "sandbox.url": "",
                "sandbox.seed_dir": "config/sandbox",
            },
        )
        with open_clients(s) as clients:
            handoffs = check_accounts(s, clients, list(SEEDED), on=SEEDED_TODAY)
    return {h.account: h for h in handoffs}


def seeded_run(h: Handoff) -> RunInfo:
    """How `handoff run` would render it: an account with errors, or not ready, only ever reaches a
    document as a draft."""
    return RunInfo(
        mode="draft" if h.errors or not h.checklist_complete else "final",
        generated_at=SEEDED_AT,
        tool_version="0.1.0",
        ready=h.checklist_complete,
        doc_links={
            "handoff": f"https://docs.google.com/document/d/1HndffSandboxDoc{h.account.capitalize()}/edit"
        },
    )


@pytest.mark.parametrize("slug", SEEDED)
def test_seeded_account_snapshot(seeded: dict[str, Handoff], slug: str) -> None:
    h = seeded[slug]
    (doc,) = render_documents(settings(), CATALOGUE, h, seeded_run(h))
    check_html(doc.html)
    assert_snapshot(f"seeded-{slug}.html", doc.html)
    note = render_note(h, note_context(settings(), CATALOGUE, h, seeded_run(h)))
    check_html(note, fragment=True)
    assert_snapshot(f"seeded-{slug}-note.html", note)


def test_seeded_accounts_read_as_their_story(seeded: dict[str, Handoff]) -> None:
    def text(slug: str) -> str:
        h = seeded[slug]
        return visible_text(render_documents(settings(), CATALOGUE, h, seeded_run(h))[0].html)

    acme_text = text("acme")
    assert "Handoff status Handed over to the Technical Advisor" in acme_text
    assert "Checks No disagreements or warnings" in acme_text
    assert "Rockskip enabled for the android-platform monorepo" in acme_text
    assert "DRAFT" not in acme_text

    globex = text("globex")
    assert "DRAFT: not handed over yet." in globex
    assert "Errors These block the final handoff" in globex
    assert "hunter2" not in globex  # the sheet has credentials in the instance URL

    initech = text("initech")
    assert "Checks 4 errors; 4 disagreements between the tracking sheet and the TDD" in initech
    assert "Total CPU 32 Accounts!N6 48 vCPU" in initech
    # as `check` sees it, each disagreement is an error: a draft never shows the value as a fact
    # (a `run --draft` reads them as warnings: marked values, tests/test_disagreements.py)
    assert "Total CPU invalid: 32 (see appendix)" in initech

    umbrella = text("umbrella")
    assert "Handoff status Draft for review (not handed over yet)" in umbrella
    assert "Readiness Not ready (3 of 5 close-out items done)" in umbrella
    assert umbrella.count("Not done") == 2


def test_seeded_override_shows_in_doc_and_note(seeded: dict[str, Handoff]) -> None:
    h = seeded["umbrella"]
    reason = "ADO sync finishing this week; customer asked for the TA to take over now"
    run = RunInfo(generated_at=SEEDED_AT, ready=False, override_reason=reason)
    (doc,) = render_documents(settings(), CATALOGUE, h, run)
    assert "Handoff status Handed over with a readiness override" in visible_text(doc.html)
    assert f"Readiness override {reason}" in visible_text(doc.html)
    assert f"<li>Readiness override: {reason}</li>" in render_note(
        h, note_context(settings(), CATALOGUE, h, run)
    )


def test_seeded_doc_survives_the_drive_import(seeded: dict[str, Handoff]) -> None:
    """Through the sandbox's Drive HTML import: real headings, real tables, bold headers, live links."""
    from handoff.gdocs.html_to_docs import html_to_docs

    h = seeded["acme"]
    (doc,) = render_documents(settings(), CATALOGUE, h, seeded_run(h))
    body = html_to_docs(doc.html, title=doc.title)["tabs"][0]["documentTab"]["body"]["content"]
    styles: list[tuple[str, str]] = []
    tables: list[dict[str, Any]] = []
    urls: list[str] = []
    for el in body:
        if "paragraph" in el:
            p = el["paragraph"]
            text = "".join(e.get("textRun", {}).get("content", "") for e in p["elements"]).strip()
            styles.append((p["paragraphStyle"].get("namedStyleType", ""), text))
        if "table" in el:
            tables.append(el["table"])
    for table in tables:
        for row in table["tableRows"]:
            for cell in row["tableCells"]:
                for part in cell["content"]:
                    for e in part.get("paragraph", {}).get("elements", []):
                        link_ = e.get("textRun", {}).get("textStyle", {}).get("link", {})
                        if link_.get("url"):
                            urls.append(link_["url"])
    assert [t for s, t in styles if s == "HEADING_1"] == [doc.title]
    assert [t for s, t in styles if s == "HEADING_2"][:3] == [
        "Summary",
        "Next steps for the Technical Advisor",
        "Production deployment",
    ]
    # 5 field tables (the environment facts too), 2 issue tables, risks, expansion, checklist, sources
    assert len(tables) == 11
    header = tables[5]["tableRows"][0]["tableCells"][0]["content"][0]["paragraph"]["elements"][0]["textRun"]
    assert header == {"content": "ID", "textStyle": {"bold": True}}
    assert "https://sourcegraph.acmecorp.com" in urls
    assert "https://sourcegraph.zendesk.com/agent/tickets/42290" in urls


# -- next steps for the TA, environment facts ---------------------------------------------------


def next_steps(html: str) -> str:
    """The visible text of the "Next steps" section and the environment facts after it."""
    text = visible_text(html).replace(" :", ":").replace(" (", "(").replace("(", " (")
    start = text.index("Next steps for the Technical Advisor")
    return text[start : text.index("Production deployment Technical Design Document", start)]


def test_next_steps_are_built_from_the_data(seeded: dict[str, Handoff]) -> None:
    def doc(slug: str) -> str:
        h = seeded[slug]
        return next_steps(render_documents(settings(), CATALOGUE, h, seeded_run(h))[0].html)

    acme = doc("acme")  # complete: open issues, a risk, expansion, commitments, every fact
    assert "due 27 November 2026" in acme  # the review task: 7 days after the doc's date
    assert "Open issue ACME-07 (Medium): Code Insights backfill stalls" in acme
    assert "Next step: Re-test after the 6.10 upgrade" in acme and "ACME-05" not in acme  # resolved
    assert "Planned response: CloudWatch alert at 75%" in acme and "RDS maintenance" not in acme
    assert "Follow up expansion: Roll out to the Bangalore engineering org (1,200 seats)" in acme
    assert "Commitment (first Tuesday of the month): Acme platform team" in acme
    assert "Commitment (end of Q1)" in acme and "Oct 12" not in acme  # a past cut-over is history
    for fact in ("Sourcegraph version 6.9.2", "Region us-east-1", "SSO Okta (SAML)", "Lena Park"):
        assert fact in acme, fact
    umbrella = doc("umbrella")  # open issues and risks, a draft: no task yet
    assert "the review task is created in Vitally at the final handoff" in umbrella
    assert "Open issue UMB-2 (High)" in umbrella and "Next step: Customer to reissue the PAT" in umbrella
    assert "Open risk (Medium impact): Azure DevOps PAT expires every 90 days" in umbrella
    assert "Externalized services" not in umbrella  # absent from the TDD and the sheet: omitted
    initech = doc("initech")  # warnings that need a decision
    assert initech.count("Needs a decision:") == len(
        seeded["initech"].warnings
    )  # its disagreements are errors now


def test_appendix_warnings_inform_the_ta(seeded: dict[str, Handoff]) -> None:
    h = seeded["globex"]  # initech's disagreements are errors now; globex has warnings
    text = visible_text(render_documents(settings(), CATALOGUE, h, seeded_run(h))[0].html)
    appendix = text[text.index("Appendix: sources and checks") :]
    warnings = appendix[appendix.index("Warnings") :]
    assert "None of it blocked the handoff" in warnings and "Fix:" not in warnings


def test_commitments_are_dates_ahead_and_schedules() -> None:
    from handoff.render.next_steps import commitments

    def note(text: str, noted: dt.date = dt.date(2026, 10, 9)) -> LogEntry:
        return LogEntry({"note": text, "date": noted}, Location("sheet", "Notes!D2"))

    notes = [
        note("Upgrade to 6.10 agreed for 2026-12-08, 02:00 UTC."),
        note("Cut-over on Oct 12."),  # past: history
        note("Change board meets Thursdays."),
        note("Renewal call on Jan 15, 2027 with the sponsor."),
        note("Rockskip enabled (6.2 GB)."),  # no date at all
    ]
    found = [(c.when, c.entry.values["note"][:8]) for c in commitments(notes, dt.date(2026, 11, 27))]
    assert found == [("2026-12-08", "Upgrade "), ("Thursdays", "Change b"), ("Jan 15, 2027", "Renewal ")]


# -- display labels come from the catalogue ---------------------------------------------------


def test_a_new_field_is_shown_by_its_catalogue_display_label_in_catalogue_order() -> None:
    data = tomllib.loads((PROJECT_ROOT / "config" / "fields.toml").read_text(encoding="utf-8"))
    data["fields"] = {
        "idp_vendor": {"label": "IdP Vendor", "display_label": "Identity provider (IdP)"},
        **data["fields"],
    }
    catalogue = parse_catalogue(data)
    h = acme()
    h = Handoff(h.account, {"idp_vendor": fv("idp_vendor", "Okta", "Accounts!X2"), **h.fields})
    html = render_document(
        "handoff.html.j2",
        h,
        RenderContext(*_doc_and_run(h), labels=catalogue.display_labels, formats=catalogue.display_formats),
    )
    appendix = visible_text(html)[visible_text(html).index("Where each value came from") :]
    assert (
        "Identity provider (IdP) Okta" in appendix and "Idp vendor" not in html
    )  # not a guess from the name
    assert appendix.index("Identity provider (IdP)") < appendix.index("Customer")  # the catalogue's order


def test_a_new_field_is_shown_as_its_catalogue_type_says() -> None:
    """No table of formats in the code: a new date field reads as a date, a new integer field
    carries its display_unit, a new size its unit, a new url is a link."""
    data = tomllib.loads((PROJECT_ROOT / "config" / "fields.toml").read_text(encoding="utf-8"))
    data["fields"] = {
        "kickoff_date": {"label": "Kickoff", "display_label": "Kickoff", "type": "date"},
        "gpu_count": {"label": "GPUs", "display_label": "GPUs", "type": "integer", "display_unit": "GPU"},
        "cache_size_gb": {"label": "Cache", "display_label": "Cache", "type": "quantity", "unit": "GB"},
        "runbook": {"label": "Runbook", "display_label": "Runbook", "type": "url"},
        **data["fields"],
    }
    catalogue = parse_catalogue(data)
    h = acme()
    extra = {
        "kickoff_date": fv("kickoff_date", dt.date(2026, 9, 14), "Accounts!X2"),
        "gpu_count": fv("gpu_count", 4, "Accounts!Y2"),
        "cache_size_gb": fv("cache_size_gb", 1500, "Accounts!Z2"),
        "runbook": fv("runbook", "https://wiki.example.com/runbook", "Accounts!AA2"),
    }
    h = Handoff(h.account, {**extra, **h.fields})
    html = render_document(
        "handoff.html.j2",
        h,
        RenderContext(*_doc_and_run(h), labels=catalogue.display_labels, formats=catalogue.display_formats),
    )
    appendix = visible_text(html)[visible_text(html).index("Where each value came from") :]
    assert "Kickoff 14 September 2026" in appendix
    assert "GPUs 4 GPU" in appendix
    assert "Cache 1,500 GB" in appendix
    assert '<a href="https://wiki.example.com/runbook">' in html
    assert catalogue.display_formats["total_cpu"] == ("quantity", "vCPU")


def test_a_template_naming_a_field_the_catalogue_lacks_is_a_render_error() -> None:
    labels = {k: v for k, v in CATALOGUE.display_labels.items() if k != "total_cpu"}
    with pytest.raises(RenderError, match="no field 'total_cpu' in the catalogue"):
        render_document(
            "handoff.html.j2",
            acme(),
            RenderContext(*_doc_and_run(acme()), labels=labels, formats=CATALOGUE.display_formats),
        )


def _doc_and_run(h: Handoff) -> tuple[DocInfo, RunInfo, tuple[DocInfo, ...]]:
    c = context(h)
    return c.doc, c.run, c.documents
