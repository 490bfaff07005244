"""`make eval`: the TDD reader scored against the corpus keys; a regression below the reached figures fails.

Every corpus document is checked on its own (parametrised): no value from the wrong environment,
a limit or a growth figure; nothing returned that the key does not hold; every keyed warning
raised and no other; every keyed value found except the known misses listed here (each one a
gap of the reader, documented in docs/tdd.md).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import eval_tdd
from handoff.core.fields import Catalogue

CORPUS = Path(__file__).parent / "fixtures" / "tdd_corpus"
DOCUMENTS = eval_tdd.documents(CORPUS)

RECALL = 1.0  # reached: 250 of 250
KNOWN_MISSES: dict[str, set[str]] = {}


def test_the_corpus_is_read_to_the_reached_figures(catalogue: Catalogue) -> None:
    scores = eval_tdd.evaluate(CORPUS, catalogue)
    assert len(scores) == len(DOCUMENTS)
    t = eval_tdd.totals(scores)
    report = eval_tdd.report(CORPUS, scores)
    assert t["recall"] >= RECALL, report
    assert t["precision"] == 1.0, report
    assert t["forbidden"] == 0, report
    assert t["warnings_found"] == t["warnings_expected"] and t["warnings_extra"] == 0, report


@pytest.mark.parametrize(("doc", "key"), DOCUMENTS, ids=[d.stem for d, _ in DOCUMENTS])
def test_each_style_is_read_as_its_key_says(catalogue: Catalogue, doc: Path, key: Path) -> None:
    s = eval_tdd.score(doc, key, catalogue)
    assert s.forbidden == [], s.forbidden
    assert s.wrong == [], s.wrong
    missed = {line.split(":", 1)[0] for line in s.misses}
    assert missed == KNOWN_MISSES.get(doc.stem, set()), s.misses
    assert s.warnings_found == s.warnings_expected and s.warnings_extra == [], s.warnings_extra


@pytest.mark.parametrize(
    ("folder", "recall", "precision"),
    [
        ("tdd_holdout", 1.0, 1.0),
        ("tdd_holdout2", 1.0, 1.0),
        ("tdd_blind", 1.0, 1.0),
        ("tdd_blind2", 94 / 95, 94 / 94),
    ],  # reached; blind2 is a tuning set with misses left (its README)
)
def test_the_hold_out_sets_keep_their_figures(
    catalogue: Catalogue, folder: str, recall: float, precision: float
) -> None:
    scores = eval_tdd.evaluate(Path(__file__).parent / "fixtures" / folder, catalogue)
    t = eval_tdd.totals(scores)
    report = eval_tdd.report(Path(folder), scores)
    assert t["forbidden"] == 0, report
    assert t["recall"] >= recall - 1e-9 and t["precision"] >= precision - 1e-9, report


@pytest.mark.parametrize(
    ("folder", "recall", "precision", "forbidden"),
    [
        # a field the TDD states twice differently takes no value (a right first value was luck):
        # blind4 91 -> 90/96, blind5 88 -> 86/96 (docs/tdd.md)
        ("tdd_blind4", 96 / 96, 96 / 96, 0),
        ("tdd_blind3", 99 / 99, 99 / 99, 0),
        ("tdd_blind5", 96 / 96, 96 / 96, 0),
        ("tdd_blind9", 96 / 96, 96 / 96, 0),
        ("tdd_blind10", 91 / 92, 91 / 91, 0),
        ("tdd_blind6", 94 / 94, 94 / 94, 0),
        ("tdd_blind7", 96 / 96, 96 / 96, 0),
        ("tdd_blind8", 92 / 92, 92 / 92, 0),
        # evaluation-only on arrival in stop 13, tuning from mid-stop 13: pinned at their figures then
        ("tdd_blind14", 89 / 89, 89 / 89, 0),
        ("tdd_blind15", 93 / 93, 93 / 93, 0),
        ("tdd_blind16", 89 / 89, 89 / 89, 0),
        # evaluation-only in stop 13, tuning from stop 14: pinned at their end-of-stop-13 figures
        ("tdd_blind17", 92 / 92, 92 / 92, 0),  # 91 in stop 16: a Dutch design read in Dutch
        ("tdd_blind18", 92 / 92, 92 / 92, 0),
        ("tdd_blind19", 95 / 95, 95 / 95, 0),
        # evaluation-only in stop 14, tuning from stop 15: pinned at their end-of-stop-14 figures
        ("tdd_blind20", 87 / 87, 87 / 87, 0),  # stop 19: the instance URL beside a back-out part
        ("tdd_blind21", 94 / 94, 94 / 94, 0),
        ("tdd_blind22", 88 / 90, 88 / 88, 0),
        # evaluation-only in stops 14-15, tuning from stop 16: pinned at their end-of-stop-15 figures
        ("tdd_blind23", 91 / 91, 91 / 91, 0),
        ("tdd_blind24", 86 / 92, 86 / 86, 0),  # 82 in stop 16, 85 in stop 17
        ("tdd_blind25", 90 / 90, 90 / 90, 0),  # 89 in stop 17
        # evaluation-only in stops 15-16, tuning from stop 17: pinned at their end-of-stop-16 figures,
        # wrong values included (each may only fall)
        ("tdd_blind26", 88 / 93, 88 / 88, 0),  # 86 in stop 17: entries dated by their stamps
        ("tdd_blind27", 84 / 86, 84 / 84, 0),
        ("tdd_blind28", 89 / 92, 89 / 89, 0),  # 88, no wrong value in stop 17: notes cells, codes, used
        ("tdd_blind32", 96 / 96, 96 / 96, 0),  # stop 17: from 77/96, 77/88, 9 wrong; 96: paragraph lists
        ("tdd_blind33", 90 / 91, 90 / 90, 0),  # stop 17: from 71/91, 71/84, 13 wrong
        # 94 (t63): a long label read without its closing qualifier (`… after the first full sync: ~620G`)
        ("tdd_blind34", 96 / 98, 96 / 96, 0),  # 91, 1 wrong in stop 17; 93: a log row's day dates it
        # evaluation-only in stop 17, tuning from stop 18: pinned at their end-of-stop-17 figures
        ("tdd_blind35", 95 / 96, 95 / 95, 0),  # stop 18: from 82/96, 82/87, 3 wrong
        ("tdd_blind36", 97 / 98, 97 / 97, 0),  # stop 18: from 75/98, 75/84, 6 wrong (figures over time)
        # 97/99 in stop 21; 95: 06-per-component-tables-totals' CPU (72) and memory (480), both right,
        # are withheld because the instance types it is read with (1 × n2-highmem-16, not 2) contradict them
        ("tdd_blind38", 95 / 99, 95 / 95, 0),  # stop 18: from 67/99, 67/85, 16 wrong (table structures)
        # evaluation-only in stops 19-20, tuning from stop 21: pinned at their end-of-stop-20 figures
        ("tdd_blind43", 96 / 98, 96 / 96, 0),  # forms: stop 21 from 72/98, 72/85, 8 wrong
        ("tdd_blind44", 92 / 93, 92 / 92, 0),  # one service among many; stop 21 from 75/93, 75/80, 3 wrong
        # facts put together; stop 21: from 61/95, 61/74, 8 wrong; stop 28 (t45): from 82/95, 82/83, 0 wrong
        ("tdd_blind45", 91 / 95, 91 / 91, 0),
        # ordinary TDDs written blind as tuning sets in stop 22: pinned on arrival (main at 10ab51e)
        # values that contradict each other are not used (validate/agreement.py): blind55 80/84, 1 wrong
        # -> 78/79, 0 (02's wrong types and CPU withheld; 04's wrong types with its right CPU 344 and
        # memory 1888); blind56 90/93, 2 -> 88/90, 1 (03's wrong types with its right CPU 48, memory 384)
        ("tdd_blind55", 99 / 100, 99 / 99, 0),  # large HA deployments; learnt from in stop 22: 78/79 -> 99/99
        ("tdd_blind56", 99 / 99, 99 / 99, 0),  # cloud deployments (stop 22, t56: from 90/99, 90/93, 2 wrong)
        ("tdd_blind57", 90 / 90, 90 / 90, 0),  # small and on-premises deployments
        # ordinary TDDs of three new families, written blind as tuning sets in stop 23: pinned on arrival
        ("tdd_blind61", 95 / 95, 95 / 95, 0),  # replacing an earlier code search (t61: from 85/95, 85/87)
        # blind62 on arrival 69/94, 69/77, 5 wrong (t62: out of scope, on-site cloud hardware,
        # unreachable hosts, test steps, sentences begun lowercase)
        ("tdd_blind62", 91 / 95, 91 / 92, 0),  # regulated and air-gapped on-premises deployments
        # blind63 from 77/97, 77/85, 4 wrong (t63: Kubernetes requests, limits and quotas no machines,
        # titles naming the shared whole or saying their part is not ours, numbered run-in items, a
        # sentence giving the one before away, an owner's possessive no label meaning; 03's Tanzu VM
        # class, a type the reader does not know, left)
        ("tdd_blind63", 96 / 97, 96 / 96, 0),  # deployments on a platform team's shared Kubernetes
        # evaluation-only in stop 12, tuning from stop 13: pinned at their figures then
        ("tdd_blind11", 94 / 94, 94 / 94, 0),
        ("tdd_blind12", 92 / 92, 92 / 92, 0),
        ("tdd_blind13", 93 / 93, 93 / 93, 0),
        # tuning siblings, written blind in stop 27, of three older evaluation-only families, on arrival
        # blind89 from 88/100, 88/92, 2 wrong (t89: numbered table captions naming another part, a lead-in
        # over facts of their own, a tool chosen over another, a share of production, a denial of its own)
        ("tdd_blind89", 100 / 100, 100 / 100, 0),  # facts in a document's furniture (sibling of blind 42)
        # blind90 from 85/96, 85/88, 2 wrong (t90: fractions of a unit, half a dozen, hedged words, dotted
        # and dashed days with the document's year, days told from the one before, lower bounds, a place
        # said of a code host, machines left out of the totals, a cap with its circumstance)
        ("tdd_blind90", 96 / 96, 96 / 96, 0),  # numbers and dates as people say them (sibling of blind 41)
        # blind91 from 75/97, 75/83, 5 wrong (t91: numbers as said, dictated punctuation and topics, a
        # figure taken back as it is said, a bare host's edition said after it, a condition said short,
        # the name a deployment started with, a size said all in)
        ("tdd_blind91", 90 / 97, 90 / 90, 0),  # spoken and conversational records (sibling of blind 40)
        # three more families and a second terse set, written blind as tuning sets in stop 27:
        # pinned on arrival
        # blind85 from 92/100, 92/93, 1 wrong (t85: a heading not this handoff's, a sizing target, a limit
        # set in the SOW, OCI shapes and a Workers row, VMs handed over, a subtotal among parts)
        ("tdd_blind85", 100 / 100, 100 / 100, 0),  # production with a disaster-recovery and multi-site design
        # blind86 from 83/100, 83/87, 1 wrong (t86: capacity columns counted from now, the estate's
        # table with no Sourcegraph row, questions asking no amount, a platform's generic sibling section)
        ("tdd_blind86", 100 / 100, 100 / 100, 0),  # Sourcegraph inside the customer's architecture document
        ("tdd_blind87", 100 / 100, 100 / 100, 0),  # a record of a conversation: from 92/100, 92/95, 3 wrong
        # blind88 from 53/100, 53/62, 6 wrong (t88: parts and the totals they make, a chat's stamps;
        # t88b: 75/100, 75/79, 2 wrong -> arrows to a later period, month names in lower case, clipped labels)
        # told29: from 96/100, 96/96 -> clipped host names (`gh.com`, `bb cloud`) and an `n` count column
        ("tdd_blind88", 98 / 100, 98 / 98, 0),  # terse shorthand notes, a second set
        # three more families, written blind as tuning sets in stop 28: pinned on arrival
        # (their evaluation-only siblings: 92, 93, 94)
        # blind95: a migration or consolidation design; from 84/100, 84/87, 2 wrong (t95: titles of the
        # starting point and of a verdict, a log entry's day, one wave's count, a denied limit word)
        # told30: from 96/100, 96/97, 1 wrong (a run-in title's figure, new repositories an increment,
        # "everything together" the repositories' size); tol: from 98/100 (a bare "Total" after them)
        ("tdd_blind95", 100 / 100, 100 / 100, 0),
        # blind96: the TDD built around pasted spreadsheets (from 70/101, 70/78, 5 wrong)
        # tmix29: from 98/101, 98/98 (a limit label closing on the machine size it is agreed for)
        ("tdd_blind96", 99 / 101, 99 / 99, 0),
        # blind97: the TDD kept as a living record after go-live (t97: from 59/100, 58/80, 20 wrong)
        # tmix29: from 93/100, 93/97, 3 wrong (a present label after a past told; an update connecting a
        # host; an update's figure nobody agreed); tol: from 96/100, 96/97, 1 wrong (a go-live beside
        # the build's end in its paragraph)
        ("tdd_blind97", 98 / 100, 98 / 98, 0),
        # three more families, written blind as tuning sets in stop 29: pinned on arrival
        # (their evaluation-only siblings: 98, 99, 100)
        # blind101: the TDD exported from a slide deck (from 79/101, 79/86, 6 wrong; t101: callouts, notes)
        # tsp30: from 90/101, 90/91, 1 wrong (a two-sided table's cells read under their columns' titles)
        ("tdd_blind101", 99 / 101, 99 / 99, 0),
        # blind102: the TDD as a filled-in intake questionnaire (from 66/98, 66/77, 9 wrong; tq30: prompts
        # without a question mark head their tagged answers; tq31: ticks among separated options, a
        # bracket's total word totals its part, disks summed on a datastore; machines: a type answered
        # alone under its prompt, a count with its remark, one machine beside a type, a type word's aside)
        ("tdd_blind102", 89 / 98, 89 / 89, 0),
        # blind103: the TDD built from pasted configuration and command output (from 82/99, 82/84, 1 wrong;
        # t103: code boxes read as pasted, an admin page's counts, a licence aside on a name, OS-only disks,
        # chart and module defaults told in prose)
        ("tdd_blind103", 98 / 99, 98 / 98, 0),  # 98: a list written a paragraph an entry
        # three more families, written blind as tuning sets in stop 30: pinned on arrival
        # (their evaluation-only siblings: 104, 105, 106)
        # blind107: the TDD exported from an issue tracker or a team wiki (from 86/100, 86/91, 3 wrong;
        # t107: a pair added up in passing, a kube-system pool, a page's own authority, growth after the
        # completion comment, a Shape label, template hints, work-item references)
        ("tdd_blind107", 100 / 100, 100 / 100, 0),
        # blind108: the TDD written as an operations runbook or handbook (from 77/99, 77/85, 5 wrong;
        # t108: a manual's Current state, alert tables and lines, dated restore-test labels, a paper's
        # sign-off, bounds and hypothetical sizes)
        ("tdd_blind108", 99 / 99, 99 / 99, 0),
        # blind109: the TDD as a capacity-validation or load-test report (from 89/98, 89/91, 1 wrong;
        # t109: a provider type as a machine label's value, a note's build line, concurrency beside
        # users, a host in a clause of time, the first machine before a resize, a size said used, the
        # load-test rig's machines)
        ("tdd_blind109", 98 / 98, 98 / 98, 0),
        # a family written blind as a tuning set in stop 31: pinned on arrival (its evaluation-only
        # sibling: 110)
        # blind111: the TDD as change records and cutover plans (from 83/98, 83/85, 1 wrong)
        ("tdd_blind111", 98 / 98, 98 / 98, 0),
        # blind113: prose-led ordinary TDDs (on arrival 81/98, 81/84, 3 wrong-environment values; t113: an
        # option weighed and set aside, a host denied by name beside its count, a title joining the present
        # to what comes next or what they had, a hedged "no monorepo", a size after a full clone, "Each
        # provides"; a "Why not …" title, a code host's own server, sockets in words, connections complete
        # before their date, the largest named in an appositive, an estimate's value, "would not")
        ("tdd_blind113", 98 / 98, 98 / 98, 0),
        # blind115: TDDs reshaped by incidents and changes (from 85/98, 85/94, 4 wrong-env values)
        ("tdd_blind115", 96 / 98, 96 / 96, 0),
        # blind117: machines and storage of cloud and Kubernetes deployments (on arrival 113/129, 113/115, 1;
        # t117: a `VMs` count column, a type's size told of the type, not the fleet; machines and volumes
        # the writer does not count, volumes per replica times their count, a `Why …:` label, memory
        # across a workload's replicas; an uncounted type counted by the totals written beside a count)
        ("tdd_blind117", 127 / 129, 127 / 127, 0),
        # blind119: machines and storage of VM, on-premises and single-machine deployments (on arrival 91/126)
        ("tdd_blind119", 112 / 126, 112 / 112, 0),
        # blind121: the money view beside the build (quotes, bills of materials, reserved capacity, licence
        # seats; on arrival 104/128, 104/108, 3)
        ("tdd_blind121", 120 / 128, 120 / 120, 0),
        # blind123: facts in tables of every shape, merged cells included (on arrival 115/130, 115/120, 3)
        ("tdd_blind123", 129 / 130, 129 / 129, 0),
        # blind125: one document describing several instances, one in scope (on arrival 108/127, 108/114, 5)
        ("tdd_blind125", 124 / 127, 124 / 124, 0),
        # blind127: the TDD as a security review and operations handbook (on arrival 97/119, 97/104, 5)
        ("tdd_blind127", 114 / 119, 114 / 116, 0),
        # ordinary TDDs of three more families, written blind as tuning sets in stop 26: pinned on arrival
        # blind79 from 88/99, 88/89, 1 wrong (t79: a server table's per-node and whole columns, verdicts on
        # the sentence before, a log entry's clauses, a tool's zero fraction, an answer's no, growth titles)
        ("tdd_blind79", 97 / 99, 97 / 97, 0),  # on-premises and air-gapped deployments
        # blind80 from 83/100, 83/88, 4 wrong (t80: requirements stated in a matrix, premises give way,
        # ruled command output as a table, a host table's count column proved by its total row)
        ("tdd_blind80", 99 / 100, 99 / 99, 0),  # formal deliverables by a systems integrator
        # blind81 from 82/100, 82/87, 3 wrong (t81: quota and limits labels, the platform's defaults and
        # quota figures in prose no amounts; other tenants' titles; a possessive subject goes on; clipped
        # limit items; an internal catalogue's type names; "cloned"; TKG / vSAN on-premises)
        ("tdd_blind81", 100 / 100, 100 / 100, 0),  # Sourcegraph as one tenant of a shared platform
        # ordinary TDDs of three more families, written blind as tuning sets in stop 25, learnt from there
        # living TDDs (t73: from 67/100, 67/72, 5 wrong); tol: from 89/100, 89/90, 1 wrong (a system pool
        # the stated totals count; a changelog entry after the build over the design's text; a monorepo
        # it connects against "No monorepos")
        ("tdd_blind73", 98 / 100, 98 / 98, 0),
        # blind74 from 36/100, 36/46, 4 wrong (t74a: glued units, short types, `ea`, `tot`; t74b: dates,
        # code hosts, clipped limits, q:/a: tags)
        # t88b: 83/100, 83/85 -> a line's clipped label (`mono: 1`, blind74 87/100, 87/89, 1 wrong)
        # told29: from 87/100, 87/89, 1 wrong -> a cloud's acronym in lower case (`1 ec2`), an `n` column
        ("tdd_blind74", 90 / 100, 90 / 90, 0),  # terse shorthand notes
        # blind75 from 86/99, 86/91, 5 wrong (t75: Terraform blocks, files and defaults, resource counts)
        ("tdd_blind75", 96 / 99, 96 / 96, 0),  # infrastructure-as-code and command-output heavy TDDs
        # ordinary TDDs of three more families, written blind as tuning sets in stop 24, learnt from there
        ("tdd_blind67", 93 / 98, 93 / 93, 0),  # half-filled TDD templates (t67: from 65/98, 65/78, 10 wrong)
        ("tdd_blind68", 100 / 100, 100 / 100, 0),  # estimate vs provisioned (t68: from 83/100, 83/88)
        ("tdd_blind69", 97 / 100, 97 / 97, 0),  # European writers (t69: from 84/100, 84/89, 3 wrong)
    ],  # reached on tuning sets that still take some wrong values (at most `forbidden`)
)
def test_the_tuning_sets_keep_their_figures(
    catalogue: Catalogue, folder: str, recall: float, precision: float, forbidden: int
) -> None:
    scores = eval_tdd.evaluate(Path(__file__).parent / "fixtures" / folder, catalogue)
    t = eval_tdd.totals(scores)
    report = eval_tdd.report(Path(folder), scores)
    assert t["forbidden"] <= forbidden, report
    assert t["recall"] >= recall - 1e-9 and t["precision"] >= precision - 1e-9, report


def test_scoring_compares_like_the_keys() -> None:
    assert eval_tdd.same("instance_types", ["3 × m6i.4xlarge"], ["3 × M6I.4xlarge"])
    assert not eval_tdd.same("instance_types", ["2 × m6i.4xlarge"], ["3 × m6i.4xlarge"])
    assert eval_tdd.same("code_hosts", ["GitLab.com", "GitHub.com"], ["GitHub.com", "GitLab.com"])
    assert eval_tdd.same("total_memory_gb", 274.878, 256)  # 256 GiB converted exactly, keyed as 256
    assert not eval_tdd.same("total_cpu", 68.72, 64)
    assert eval_tdd.same("total_cpu", 64, 64)
    assert eval_tdd.forbidden_hit("instance_types", ["1 × e2-standard-8", "2 × x"], ["1 × e2-standard-8"])
    assert eval_tdd.forbidden_hit("code_hosts", ["GitHub.com", "GitLab.com"], ["GitLab.com"])
    assert not eval_tdd.forbidden_hit("code_hosts", ["GitHub.com", "GitLab self-managed"], ["GitLab.com"])
    assert eval_tdd.forbidden_hit("code_hosts", ["Azure DevOps"], [["Azure DevOps"]])
    assert not eval_tdd.forbidden_hit("code_hosts", ["Azure DevOps", "GitHub.com"], [["Azure DevOps"]])


@pytest.mark.parametrize("folder", eval_tdd.CORPORA, ids=[f.name for f in eval_tdd.CORPORA])
def test_every_set_make_eval_scores_is_there_and_keyed(catalogue: Catalogue, folder: Path) -> None:
    """Each set `make eval` names exists, every document has its key, and each is read without a crash
    (the evaluation-only sets are scored here, never pinned: their figures are in docs/tdd-evaluation.md)."""
    docs = eval_tdd.documents(folder)
    assert len(docs) >= 3, folder
    for doc, key in docs:
        keyed = json.loads(key.read_text(encoding="utf-8"))
        assert keyed["fields"], key
        assert not set(keyed["fields"]) & set(keyed.get("absent", ())), key
        eval_tdd.score(doc, key, catalogue)
