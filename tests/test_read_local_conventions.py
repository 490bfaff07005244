"""A document's own conventions read as the writer means them (learnt from blind 69, continental
European TDDs in English and their own languages): a figure's scale written as a local word or its
abbreviation (`1,5 tys.`, `2,5 Tsd.`, `8,5 mil`), a local word for storage (`Speicher`), and a bare
product name ("GitLab") in a document that names only one edition of it. Snippets in, values out;
none of these phrasings is the tuning set's."""

from __future__ import annotations

from typing import Any

from handoff.core.fields import Catalogue
from handoff.read.hostaddress import editions
from handoff.read.vocab import Vocab
from tddview import settled


def _view(html: str, catalogue: Catalogue) -> dict[str, Any]:
    return settled(html, catalogue)


# -- a figure's scale as a word of the document's language -----------------------------------

_GERMAN = (
    "<h2>Limiten</h2><p>Die Werte wurden mit dem Kunden vereinbart und sind für die Produktion "
    "verbindlich, wir haben sie auch im Vertrag.</p>"
)


def test_a_german_thousand_abbreviated_after_a_decimal_comma(catalogue: Catalogue) -> None:
    got = _view(
        _GERMAN + "<ul><li>Maximale Anzahl Benutzer: 2,5 Tsd.</li><li>Gleichzeitige Benutzer: 400</li>"
        "<li>Maximale Anzahl Repositorys: 7 Tsd.</li></ul>",
        catalogue,
    )
    assert (got.get("max_users"), got.get("max_concurrent_users"), got.get("max_repositories")) == (
        2500,
        400,
        7000,
    )


def test_a_spanish_thousand_written_as_a_word(catalogue: Catalogue) -> None:
    got = _view(
        "<h2>Límites</h2><p>Los valores fueron acordados con el cliente y son los de producción, también "
        "están en el contrato.</p><ul><li>Usuarios máximos: 3 mil</li><li>Usuarios simultáneos: 500</li>"
        "<li>Repositorios máximos: 8,5 mil</li></ul>",
        catalogue,
    )
    assert (got.get("max_users"), got.get("max_repositories")) == (3000, 8500)


def test_a_czech_thousand_abbreviated(catalogue: Catalogue) -> None:
    got = _view(
        "<h2>Limity</h2><p>Hodnoty jsou dohodnuty se zákazníkem a jsou pro produkční prostředí, jsou také "
        "ve smlouvě.</p><ul><li>Maximální počet uživatelů: 1,2 tis.</li><li>Současně: 200 uživatelů</li>"
        "<li>Maximální počet repozitářů: 3 tis.</li></ul>",
        catalogue,
    )
    assert (got.get("max_users"), got.get("max_repositories")) == (1200, 3000)


def test_a_scale_word_is_read_only_in_its_language(catalogue: Catalogue) -> None:
    # an English document: "mil" is no thousand there, and a figure a word follows stays as written
    got = _view(
        "<h2>Limits</h2><p>The licence is for 1,500 users. The coating is 4 mil thick.</p>", catalogue
    )
    assert got.get("max_users") == 1500
    # capitalised in English, the word is still the scale
    got = _view("<h2>Limits</h2><ul><li>Max users: 2.5 Thousand</li></ul>", catalogue)
    assert got.get("max_users") == 2500


# -- a local word for the storage ---------------------------------------------------------------


def test_a_german_storage_column_beside_the_memory_column(catalogue: Catalogue) -> None:
    got = _view(
        "<h2>Umgebungen</h2><p>Die Produktion läuft auf drei VMs im eigenen Rechenzentrum, die Testumgebung "
        "auf einer VM; beide sind mit Helm installiert.</p>"
        "<table><tr><td><b>Umgebung</b></td><td><b>vCPU</b></td><td><b>RAM</b></td><td><b>Speicher</b></td></tr>"
        "<tr><td>Test</td><td>8</td><td>32 GB</td><td>400 GB</td></tr>"
        "<tr><td>Produktion</td><td>48</td><td>192 GB</td><td>2'600 GB</td></tr></table>",
        catalogue,
    )
    assert (got.get("total_memory_gb"), got.get("total_disk_gb")) == (192, 2600)


# -- a bare product name in a document of one edition ---------------------------------------------


def test_the_editions_a_document_names(catalogue: Catalogue) -> None:
    vocab = Vocab(catalogue, "code_host")
    doc = "We index Bitbucket Data Center and our GitLab at gitlab.corp.example; github.com is not used."
    got = editions(doc, vocab.find(doc))
    assert got == {"Bitbucket Cloud": "Bitbucket Server / Data Center", "GitLab.com": "GitLab Self-Managed"}
    # the service named as well (by name or address): its bare name stays ambiguous, read as before
    doc = "GitLab Self-Managed holds the firmware; the open-source projects are on GitLab.com."
    assert editions(doc, vocab.find(doc)) == {}


# -- a milestone table with a column of environments --------------------------------------------

_MILESTONES = (
    "<table><tr><td><b>Week</b></td><td><b>Date</b></td><td><b>Activity</b></td><td><b>Environment</b></td></tr>"
    "<tr><td>wk 34</td><td>17-8-2026 to 21-8-2026</td><td>Cluster built</td><td>{a}</td></tr>"
    "<tr><td>wk 36</td><td>Mon 31-8-2026</td><td>Build started (node pool, disks, Helm release)</td>"
    "<td>{p}</td></tr>"
    "<tr><td>wk 37</td><td>Fri 11-9-2026</td><td>Build completed: all repos synchronised, SSO works</td>"
    "<td>{p}</td></tr><tr><td>wk 38</td><td>18-9-2026</td><td>This document</td><td>–</td></tr></table>"
)


def test_a_milestone_table_puts_each_row_in_its_environment(catalogue: Catalogue) -> None:
    got = _view(
        "<p>Sourcegraph runs in staging and production.</p>" + _MILESTONES.format(a="Staging", p="Prod"),
        catalogue,
    )
    assert (got.get("start_date"), got.get("completion_date")) == ("2026-08-31", "2026-09-11")


def test_an_environment_given_as_its_letter_in_a_milestone_table(catalogue: Catalogue) -> None:
    # the letters of a promotion street, or a letter in brackets after an environment's name
    for intro in (
        "<p>We use DTAP (Development, Test, Acceptance, Production). Sourcegraph runs in A and P.</p>",
        "<p>Sourcegraph runs in two places: Acceptance (A) and Production (P).</p>",
    ):
        got = _view(intro + _MILESTONES.format(a="A", p="P"), catalogue)
        assert (got.get("start_date"), got.get("completion_date")) == ("2026-08-31", "2026-09-11"), intro
    # a letter the document gives no environment names none: the rows' dates stay apart, no pick
    got = _view("<p>Sourcegraph runs in two places.</p>" + _MILESTONES.format(a="A", p="P"), catalogue)
    assert got.get("start_date") is None


# -- a questionnaire: questions, each answered by a tagged paragraph ------------------------------


def _questionnaire(tag: str, pairs: list[tuple[str, str]]) -> str:
    return "<h2>Questionnaire</h2>" + "".join(f"<p>{q}</p><p>{tag} {a}</p>" for q, a in pairs)


def test_an_answer_is_read_in_the_light_of_its_question(catalogue: Catalogue) -> None:
    pairs = [
        ("Q1) How is Sourcegraph deployed?", "With Docker Compose on one VM, 1 × n2-highmem-16."),
        ("Q2) What is the maximum number of repositories?", "4,500 – agreed at the kick-off."),
        ("Q3) How many monorepos are there?", "None."),
        ("Q4) Maximum concurrent users?", "Not agreed yet; the dashboards show about 220 at peak times."),
        (
            "Q5) When was the build completed?",
            "09/11/2026, with everything indexed. Go-live followed on 16/11/2026.",
        ),
    ]
    for tag in ("Answer:", "A:", "Antwort:"):
        got = _view(_questionnaire(tag, pairs), catalogue)
        assert got.get("max_repositories") == 4500, tag
        assert got.get("monorepos") == 0, tag
        assert got.get("completion_date") == "2026-11-09", tag
        assert "max_concurrent_users" not in got, tag  # the peak is a measurement, the limit not set


def test_tagged_lines_that_answer_no_question_are_no_questionnaire(catalogue: Catalogue) -> None:
    # a tag after statements (no question before it) stays a label, as before
    got = _view(
        "<h2>Notes</h2><p>The cluster was sized in June.</p><p>R: 3,000 repositories at most.</p>"
        "<p>The licence was signed.</p><p>R: 1,200 users.</p>",
        catalogue,
    )
    assert "monorepos" not in got


def test_which_answers_need_their_question() -> None:
    from handoff.read.questionlabel import asked_label, needs_question

    assert asked_label("D17. Maximum number of users?") == "Maximum number of users"
    assert asked_label("3.2 Peak concurrency?") == "Peak concurrency"
    # a form's prompt asks without a question mark (`read.turns` makes it the question of a tagged answer)
    assert asked_label("Maximum number of users") == "Maximum number of users"
    assert asked_label("C-4 Seats bought (for example 250)") == "Seats bought"
    assert asked_label("Peak users\n(two lines)") == ""
    assert needs_question("3,000, as per the minutes")
    assert needs_question("~2,400 (estimate)")
    assert needs_question("Undefined – we expect about 300")
    assert needs_question("16/10/2026 (Friday), all indexed")
    assert not needs_question("1,200 users, licensed")  # the figure says what it is
    assert not needs_question("The licence is for 1,200 users.")


def test_a_form_s_marked_option_under_its_question_is_no_bare_answer() -> None:
    from handoff.read.questionlabel import needs_question

    assert not needs_question("◉ 1–3: two monorepos, claims-engine and policy-admin")
    assert not needs_question("1–3 monorepos")
    assert needs_question("~3,000; agreed in June")


# -- one repository's size where it is kept ---------------------------------------------------------


def test_a_monorepo_s_size_on_disk_is_no_disk(catalogue: Catalogue) -> None:
    for sentence in (
        "We have one monorepo, ledger-core (the booking engine), 6.4 GB on disk; it is the largest one.",
        "The only monorepo, ledger-core, is 6.4 GB on disk.",
        "There is a single monorepo (ledger-core) with 6.4 GB on its volume; nothing else comes close.",
    ):
        got = _view(f"<h2>Repositories</h2><p>{sentence}</p>", catalogue)
        assert got.get("largest_repo_mb") == 6400, sentence
        assert "total_disk_gb" not in got, sentence
    # the repositories together on disk stay their total size, a disk named stays the disk
    got = _view("<h2>Repositories</h2><p>The repositories take 410 GB on disk.</p>", catalogue)
    assert got.get("total_repo_size_gb") == 410
