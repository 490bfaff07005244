"""The reader's speed-ups give the answers of the code they replace: the specialised `quick()` patterns
(case-insensitive and case-sensitive) and their branches' requirements, the resize targets learnt only
on the lines that can hold one, the replaced system's names read only on the lines holding a piece of
their pattern, the other systems' clauses, a sentence's hosts and the build's span asked in a cheaper
order, and the answers kept for the last text asked."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from collections.abc import Callable

import pytest

import handoff.read
from handoff.core import quickre
from handoff.core.fields import Catalogue
from handoff.core.quickre import QuickPattern, quick
from handoff.read import (
    beforetitle,
    connection,
    dates,
    docmemo,
    hostaddress,
    hostuse,
    legends,
    openquestion,
    othersubject,
    pairs,
    premises,
    prose,
    replaced,
    resizedto,
    services,
    shapes,
    valueranges,
)
from handoff.read.choice import NOT_TAKEN_BEFORE
from handoff.read.doctext import as_dict, as_list, as_str, body_styles, content_styles, paragraph_runs
from handoff.read.envwords import Environments
from handoff.read.fact import Context, Fact
from handoff.read.facts import FactReader
from handoff.read.lasttext import last_text
from handoff.read.leftbehind import left_behind
from handoff.read.limitwords import is_growth
from handoff.read.livingparts import titles
from handoff.read.othersubject import OtherSubjects
from handoff.read.pendingmove import moving_to
from handoff.read.vocab import Found, mask
from handoff.read.waitedfor import in_time_clause
from tdd_snippets import corpus_lines

TEXTS = [
    "",
    "We resized it to Standard_E32s_v5 after the load test.",
    "RESIZED TO r6i.4xlarge",
    "ccx53 → ccx63 on 3 May",
    "ccx53 -> ccx63",
    "a ſcaled value",  # long s: re matches it to "s" under IGNORECASE
    "\u212aept on m6i.2xlarge",  # Kelvin sign: re matches it to "k" under IGNORECASE
    "Ünïcödé text — with no keyword at all",
    "first line\nmoved up to m6i.8xlarge\nthird line",
]


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        (r"\b(?:kept|scaled|moved|resized)\b", re.IGNORECASE),
        (r"\b(?:Standard|ccx)\w*", 0),
        (r"(?:→|->)\s*\w+", 0),
    ],
)
def test_quick_patterns_answer_as_re(source: str, flags: int) -> None:
    """Each kind of `quick()` pattern finds what `re` finds, and says a text may match whenever it does."""
    fast, plain = quick(source, flags), re.compile(source, flags)
    assert isinstance(fast, QuickPattern)
    assert isinstance(fast, quickre._FoldedQuick) == bool(flags & re.IGNORECASE)
    for text in TEXTS:
        expected = plain.search(text)
        got = fast.search(text)
        assert (got.span() if got else None) == (expected.span() if expected else None), text
        assert fast.possible(text) or expected is None, text
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_folded_letters_still_run_the_pattern() -> None:
    """A letter `re` folds to ASCII under IGNORECASE (the Kelvin sign, the long s) holds no piece as
    lowered, yet the pattern matches: the specialised test lets it through."""
    fast = quick(r"\bkept\b", re.IGNORECASE)
    assert fast.search("\u212aept on m6i.2xlarge") is not None
    assert quick(r"\bscaled\b", re.IGNORECASE).search("a ſcaled value") is not None


def _resize_targets_every_line(text: str) -> frozenset[str]:
    """`resizedto.learn` as written before its line gate: every line's types looked for."""
    if "to" not in text and "→" not in text and "->" not in text:
        return frozenset()
    found: set[str] = set()
    for line in text.splitlines():
        matches = list(shapes.INSTANCE_TYPE.finditer(line))
        for k, m in enumerate(matches):
            before = line[max(0, m.start() - 80) : m.start()]
            if resizedto._TO.search(before) or (
                k and resizedto._ARROW.search(line[matches[k - 1].end() : m.start()])
            ):
                found.add(m.group(0))
    return frozenset(found)


DOCUMENTS = [
    "The VM was first built as a Standard_E16s_v5.\nWe stopped it and resized it to Standard_E32s_v5.",
    "hetzner rescale ccx53 → ccx63\nnothing else here: 4 × m6i.4xlarge",
    "Production: 4 × m6i.4xlarge\nStaging: 2 × m6i.2xlarge\nWe moved up to r6i.4xlarge in May.",
    "Nodes went m5.2xlarge -> m5.4xlarge, then UPGRADED TO m5.8xlarge",
    "A line with 3 × c5.2xlarge\nand one with no type, moved to Tuesday",
    "4 × m6i.4xlarge to 6 × m6i.4xlarge is the plan",  # "to" without a resize verb
    "Sizing\nthe nodes: m5.2xlarge -> m5.4xlarge",  # an arrow alone
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_resize_targets_as_before(text: str) -> None:
    """Only a line with a resize verb or an arrow can give a target: reading only those gives the
    targets reading every line gives."""
    assert resizedto.learn(text) == _resize_targets_every_line(text)


def test_resize_targets_found_on_their_lines() -> None:
    assert resizedto.learn(DOCUMENTS[0]) == frozenset({"Standard_E32s_v5"})
    assert resizedto.learn(DOCUMENTS[2]) == frozenset({"r6i.4xlarge"})
    assert resizedto.learn(DOCUMENTS[3]) == frozenset({"m5.4xlarge", "m5.8xlarge"})  # an arrow, a verb
    assert resizedto.learn(DOCUMENTS[5]) == frozenset()
    assert resizedto.learn(DOCUMENTS[6]) == frozenset({"m5.4xlarge"})


REPLACING = [
    "Migration plan\nHound replacement: Sourcegraph on 4 × m6i.4xlarge\nThe Hound box stays up until 30 Oct.",
    "Overview\nOpenGrok → Sourcegraph\nGitLab: 430 repositories (never indexed by OpenGrok)",
    'We will replace the 4.5 cluster "sg-blue" with a new cluster.\nNothing else.',
    "The alias moves from Livegrep to Sourcegraph.\nlivegrep01 (retired 14 Sep 2026)",
    "No system is replaced here.\nProduction runs Sourcegraph 5.3.",
]


@pytest.mark.parametrize("text", REPLACING)
def test_replaced_names_read_by_line(text: str, catalogue: Catalogue) -> None:
    """The names the pattern gives read line by line are those it gives over the whole text."""
    env = Environments(catalogue)
    whole = [m.span() for m in replaced._LEARN.finditer(text)]
    assert [m.span() for m in replaced._LEARN_LINES.finditer(text)] == whole
    assert bool(replaced.learn(text, env)) == bool(whole)


def test_replaced_names_found(catalogue: Catalogue) -> None:
    env = Environments(catalogue)
    assert "Hound" in replaced.learn(REPLACING[0], env)
    assert "OpenGrok" in replaced.learn(REPLACING[1], env)
    assert replaced.learn(REPLACING[4], env) == frozenset()


def _styles_by_accessors(content: list[object]) -> list[tuple[dict[str, object], str]]:
    """(paragraph, named style) of each element as the accessors read them."""
    out = []
    for el in content:
        paragraph = as_dict(as_dict(el).get("paragraph"))
        out.append((paragraph, as_str(as_dict(paragraph.get("paragraphStyle")).get("namedStyleType"))))
    return out


def _paragraph(style: object, *runs: object) -> dict[str, object]:
    return {"paragraph": {"paragraphStyle": {"namedStyleType": style}, "elements": list(runs)}}


CONTENT: list[object] = [
    _paragraph("TITLE", {"textRun": {"content": " Acme \n"}}),
    _paragraph("HEADING_1", {"textRun": {"content": "Sizing"}}),
    {"table": {"tableRows": []}},
    {"paragraph": {"paragraphStyle": {"namedStyleType": 3}, "elements": "not a list"}},
    {"paragraph": "not a dict"},
    "not an element",
    _paragraph(None, {"textRun": {"content": "a"}}, {"person": {}}, {"textRun": {"content": "b"}}),
]


def test_body_styles_read_as_the_accessors() -> None:
    """The written-out walk of a body gives each element's paragraph and style as the accessors do,
    and a paragraph's runs joined as they do, whatever the JSON holds."""
    assert list(content_styles(CONTENT)) == _styles_by_accessors(CONTENT)
    assert list(body_styles({"body": {"content": CONTENT}})) == _styles_by_accessors(CONTENT)
    assert list(body_styles({"body": "nothing"})) == [] == list(body_styles({}))
    for paragraph, _ in _styles_by_accessors(CONTENT):
        expected = "".join(
            as_str(as_dict(as_dict(e).get("textRun")).get("content"))
            for e in as_list(paragraph.get("elements"))
        ).strip()
        assert paragraph_runs(paragraph) == expected
    assert paragraph_runs(_styles_by_accessors(CONTENT)[0][0]) == "Acme"
    assert list(titles({"body": {"content": CONTENT}})) == ["Sizing"]


def test_glossary_entry_is_one_word_alone() -> None:
    """A glossary's entry is a name alone on its line: a line of two words or none is none."""
    spans = lambda text: [(0, "production")] if "production" in text else []  # noqa: E731
    name = lambda word: word == "Orca"  # noqa: E731
    assert legends._defined("Orca", "The production environment.", name, spans) == [("Orca", "production")]
    assert legends._defined("Orca Harrier", "The production environment.", name, spans) == []
    assert legends._defined("", "The production environment.", name, spans) == []
    assert legends._defined("Orca", "The staging copy.", name, spans) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("3 nodes", "3 nodes"),
        ("no cue here at all", "no cue here at all"),
        ("4 nodes, not 3", "4 nodes"),
        ("users: 1,200 → 1,400", "users: 1,400"),
        ("3,000 (updated from 2,500)", "3,000"),
        ("not counted", "not counted"),
    ],
)
def test_unedit_cues(text: str, read: str) -> None:
    """A text holding none of the cues, or no digit, is returned as it is; one with both is read."""
    from handoff.read.edits import unedit

    assert unedit(text) == read


# -- a branch's every requirement (`quickre.required_branches`), and the steps that skip work ----------


_BRANCH_PIECES = [
    *" ,.;:()-\n", "is", "not", "part of", "the", "cluster", "system", "excluded", "from", "deployment",
    "counted", "don't", "run", "Sourcegraph", "workloads", "kube-system", "only", "holds", "OS", "ours",
    "İ", "ı", "ſ", "\u212a", "É", "4 × m6i.4xlarge", "nodes",
]  # fmt: skip


def _random_texts(pieces: list[str], n: int, longest: int = 14) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _reader_quick_patterns() -> list[QuickPattern]:
    found: dict[int, QuickPattern] = {}
    for info in pkgutil.iter_modules(handoff.read.__path__):
        module = importlib.import_module(f"handoff.read.{info.name}")
        for value in vars(module).values():
            if isinstance(value, QuickPattern) and value.branches is not None:
                found[id(value)] = value
    return list(found.values())


def test_branch_requirements_rule_out_a_text_with_only_one_part() -> None:
    """A text holding the pieces `required_pieces` picks (a common noun) but not another requirement
    of any branch (`not`, `excluded`) cannot match: the pattern is not run; with both it is, and the
    answers are `re`'s."""
    source = (
        r"\b(?:(?:is|are)\s+not\s+part\s+of\s+the\s+(?:cluster|system)"
        r"|excluded\s+from\s+the\s+(?:cluster|system))"
    )
    fast, plain = quick(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert isinstance(fast, QuickPattern) and fast.branches is not None
    for text, matches in [
        ("The cluster is big and the system is fast.", False),
        ("The bastion is not part of the cluster.", True),
        ("The bastion is excluded from the SYSTEM.", True),
        ("Excluded: the cluster.", False),
        ("\u212aube nodes are not part of the cluster", True),
    ]:
        assert fast.possible(text) is matches or not text.isascii(), text
        assert (fast.search(text) is not None) is matches is (plain.search(text) is not None), text
    assert (
        quickre.required_branches(re.compile(r"\b(?:grow|double|forecast)\b")) is None
    )  # (the pieces alone)


def test_reader_patterns_with_branch_requirements_answer_as_re() -> None:
    """Every `quick()` pattern of the reader that tests its branches' requirements finds what `re`
    finds, on the corpus's lines and on random texts of the words that decide the branches."""
    patterns = _reader_quick_patterns()
    assert patterns
    texts = [*_random_texts(_BRANCH_PIECES, 3000), *corpus_lines()]
    for p in patterns:
        plain = re.compile(p.pattern, p.flags)
        for text in texts:
            expected = plain.search(text)
            got = p.search(text)
            assert (got.span() if got else None) == (expected.span() if expected else None), (p, text)
            assert expected is None or p.possible(text), (p, text)


_SUBJECT_PIECES = [
    *" ,;.", "; ", ", and ", ", while ", ". ", "Sourcegraph runs on 2 × m6i.4xlarge",
    "Sourcegraph's namespace is", "Jenkins runs on 4 × c5.2xlarge", "GitLab runs on one m5.4xlarge",
    "The GitHub Enterprise Server appliance is", "the Perforce server itself is a physical machine",
    "it is reached at https://sg.acme.io", "Its default pool", "Artifactory went live on 10 January 2024",
    "EKS hosts", "Staging runs", "sourcegraph", "SOURCEGRAPH uses", "The gitserver VM has 16 vCPU", "x",
]  # fmt: skip


def _other_spans_as_first_written(self: OtherSubjects, text: str) -> list[tuple[int, int, str]]:
    if not othersubject._NAME.search(text):
        return []
    cuts = list(othersubject._CLAUSE.finditer(text))
    starts, ends = [0, *(m.end() for m in cuts)], [*(m.start() for m in cuts), len(text)]
    machines = [(a, b, "host") for a, b in zip(starts, ends, strict=True) if self._host_machine(text[a:b])]
    if "ourcegraph" not in text:
        return machines
    subjects = [(a, b, othersubject._SUBJECT.match(text[a:b])) for a, b in zip(starts, ends, strict=True)]
    if not any(m and services.itself(m.group("subject")) for _, _, m in subjects):
        return machines
    out = []
    kind = ""
    for a, b, m in subjects:
        own = m is not None and "ourcegraph" not in text[a:b]
        if (
            own
            and m is not None
            and (
                m.group("subject").lower() in othersubject._PRONOUNS
                or m.group("subject").split()[0].lower() in othersubject._POSSESSIVES
            )
        ):
            pass
        else:
            kind = self._kind(m.group("subject")) if own and m is not None else ""
        if kind:
            out.append((a, b, kind))
    return out + [x for x in machines if not any(a == x[0] for a, _, _ in out)]


def test_other_subjects_as_first_written(catalogue: Catalogue) -> None:
    """The other systems' clauses are those the code found before it asked the whole text for a
    machine noun and only the clauses naming Sourcegraph for a Sourcegraph subject."""
    others = OtherSubjects(catalogue, Environments(catalogue))
    texts = [*_random_texts(_SUBJECT_PIECES, 4000, 6), *corpus_lines()]
    found = 0
    for text in texts:
        want = _other_spans_as_first_written(others, text)
        assert others.spans(text) == want, text
        found += bool(want)
    assert found > 100  # (the texts have such clauses)


def _names_as_first_written(self: FactReader, s: str, ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    everything = self.code_hosts.find(s)
    if not everything and not self._may_name(s):
        return []
    masked = mask(s, everything)
    hosts = [x for x in everything if not NOT_TAKEN_BEFORE.search(s[max(0, x.start - 32) : x.start])]
    off = connection.unconnected(s, hosts)
    off = off | hostuse.tooling_only(s, hosts) | left_behind(s, hosts)
    off |= moving_to(s, hosts)
    hosts = [x for x in hosts if x.value not in off and not in_time_clause(s, x.start)]
    if hosts and connection.for_tooling(masked, s):
        hosts = []
    facts += self.platform(s, ctx, everything, masked)
    about = ctx.topic in ("code_hosts", "repositories") or ctx.about_code
    if about or prose._CODE.search(masked):
        hosts = sorted(hosts + hostaddress.by_address(s, everything), key=lambda x: x.start)
    if hosts and (about or prose._CODE.search(masked)):
        by_env: dict[str, list[Found]] = {}
        for x in hosts:
            by_env.setdefault(self.env_at(s, x.start, ctx), []).append(x)
        for env, xs in by_env.items():
            names = prose.host_names([(x.value, s[x.start : x.end]) for x in xs])
            values, written = ", ".join(v for v, _ in names), ", ".join(w for _, w in names)
            facts.append(Fact("code_hosts", values, written, "named", env, "", xs[0].start))
    return facts


_HOST_PIECES = [
    *" ,.;:()-/\n", "GitHub", "GitLab", "gitlab.acme.de", "Bitbucket Cloud", "GHES", "Azure DevOps", "AWS",
    "EKS", "Kubernetes", "repos", "code", "hosted", "is not connected", "is out of scope", "the Helm chart",
    "sign-in through", "moves to GitHub.com", "in wave 3", "left behind", "1,200 repositories", "rather than",
    "not", "until", "İ", "\u212a", "x", "7",
]  # fmt: skip


def test_names_as_first_written(catalogue: Catalogue) -> None:
    """A sentence's hosts are worked out only when it speaks of code, where the code used them: the
    facts are those of the code as first written."""
    reader = FactReader(catalogue)
    contexts = [Context(), Context(topic="code_hosts"), Context(about_code=True), Context(section="trial")]
    hosts = 0
    for text in [*_random_texts(_HOST_PIECES, 3000, 10), *corpus_lines()]:
        for ctx in contexts:
            want = _names_as_first_written(reader, text, ctx)
            assert reader._names(text, ctx) == want, (text, ctx)
            hosts += any(f.field == "code_hosts" for f in want)
    assert hosts > 100


def _span_as_first_written(text: str, year: str, facts: list[Fact]) -> list[Fact]:
    label = dates._LEADING_LABEL.match(text)
    lead = label.group(1) if label is not None else dates._lead_words(text, year)
    if not dates.BUILD.search(lead):
        return []
    found_dates = [f for f in facts if f.field in dates._DATE_TOPICS and not f.how.endswith("(topic)")]
    if len(found_dates) != 1 or found_dates[0].field != "completion_date":
        return []
    end = found_dates[0]
    found = [m for m in shapes.dates(text, year) if m.value != end.value]
    if len(found) != 1 or found[0].value > end.value:
        return []
    m = found[0]
    facts[:] = [f for f in facts if not (f.field in dates._DATE_TOPICS and f.how.endswith("(topic)"))]
    return [Fact("start_date", m.value, m.text, "date (span)", end.section, "", m.start)]


def test_build_span_as_first_written() -> None:
    """The build's span is asked for the one completion date first: the same dates, the same facts left."""
    done = Fact("completion_date", "2026-07-17", "Jul 17, 2026", "date", "production", "", 40)
    topic = Fact("start_date", "2026-07-01", "Jul 1, 2026", "date (topic)", "production", "", 0)
    started = Fact("start_date", "2026-07-06", "Jul 6, 2026", "date", "production", "", 10)
    texts = [
        "Built: AMI launched Jul 6, 2026; IE marked production complete Jul 17, 2026",
        "built 2026-11-02 → done 2026-11-13",
        "Cutover: Jul 6, 2026 and Jul 17, 2026",
        *corpus_lines(),
    ]
    spans = 0
    for text in texts:
        for facts in ([], [done], [done, topic], [done, started], [topic]):
            mine, theirs = list(facts), list(facts)
            want = _span_as_first_written(text, "2026", theirs)
            assert dates._span(text, "2026", mine) == want, text
            assert mine == theirs, text
            spans += bool(want)
    assert spans >= 2


def test_last_text_answers_again_without_the_work() -> None:
    """`last_text` gives the answer it gave for a text asked before while the same document is read (an
    equal text too, another object), without asking again; a new document's reading asks again."""
    asked: list[str] = []

    def words(text: str) -> int:
        asked.append(text)
        return len(text.split())

    counted = last_text(words)
    one = "four nodes of m6i.4xlarge"
    other = "".join(["four nodes of ", "m6i.4xlarge"])  # (equal, another object)
    third = "three nodes"
    assert [counted(one), counted(one), counted(other), counted(third), counted(one)] == [4, 4, 4, 2, 4]
    assert asked == [one, third]
    docmemo.forget()
    assert counted(other) == 4
    assert asked == [one, third, other]


def test_growth_asked_again_of_a_sentence() -> None:
    """`is_growth` of the same sentence twice answers the same, and a sentence after it is asked anew."""
    growing = "The repositories will grow to 3,000 next year."
    built = "The cluster runs 4 × m6i.4xlarge."
    assert [is_growth(growing), is_growth(growing), is_growth(built), is_growth(built)] == [
        True,
        True,
        False,
        False,
    ]


@pytest.mark.parametrize(
    "asked",
    [
        is_growth,
        pairs._pair,
        beforetitle.before,
        valueranges.opens_with_range,
        openquestion.asks,
        premises.names_premises,
    ],
    ids=lambda f: f.__name__,
)
def test_kept_answers_are_the_functions_own(asked: Callable[[str], object]) -> None:
    """Each function that keeps its last answer answers every corpus line, asked once, twice in a row
    and after another, as the function itself does."""
    plain = asked.__wrapped__  # type: ignore[attr-defined]
    lines = corpus_lines()
    for before, text in zip(("", *lines), lines, strict=False):
        want = plain(text)
        assert asked(text) == want and asked(text) == want, text
        asked(before)
        assert asked(text) == want, text
