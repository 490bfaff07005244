"""The answers the reader keeps while one document is read (`read.docmemo`) are the functions' own: a
memo's key holds everything its answer depends on (the document's own and short machine types), a new
reading starts with every memo empty, and a document read after another reads as it reads alone."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from handoff.core.fields import Catalogue, load_catalogue
from handoff.core.settings import PROJECT_ROOT
from handoff.read import docmemo, gatherparts, shapes
from handoff.read.tdd import html_document, read_document


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_ROOT / "config" / "fields.toml")


@pytest.fixture
def fresh() -> Iterator[None]:
    docmemo.forget()
    yield
    docmemo.forget()


def test_own_types_are_part_of_the_machines_memo(fresh: None) -> None:
    """A document's own machine type (`CCX63`) is a machine only while that document is read: the same
    text asked before, during and after gives the answer of each moment."""
    text = "We run 4 × CCX63 servers"
    assert list(shapes.instances(text)) == []
    token = shapes.OWN_TYPES.set(frozenset({r"CCX\d+"}))
    try:
        assert [m.value for m in shapes.instances(text)] == ["4 × CCX63"]
        assert gatherparts.amounts("instance_types", text) == ["4 × ccx63"]
    finally:
        shapes.OWN_TYPES.reset(token)
    assert list(shapes.instances(text)) == []
    assert gatherparts.amounts("instance_types", text) == []


def test_short_types_are_part_of_the_machines_memo(fresh: None) -> None:
    """A known type written short (`m6i.4xl`) is read as the type only in a document that writes it so."""
    text = "We run 4 × m6i.4xl nodes"
    token = shapes.SHORT_TYPES.set(frozenset({"m6i.4xl"}))
    try:
        assert [m.value for m in shapes.instances(text)] == ["4 × m6i.4xlarge"]
        assert gatherparts.amounts("instance_types", text) == ["4 × m6i.4xlarge"]
    finally:
        shapes.SHORT_TYPES.reset(token)
    assert list(shapes.instances(text)) == []
    assert gatherparts.amounts("instance_types", text) == []


def test_the_numeric_order_is_part_of_the_dates_memo(fresh: None) -> None:
    """`03/07/2026` is the 3rd of July in a document writing the day first, March 7 in one writing the
    month first: the same text asked under each order gives each order's date."""
    text = "Go-live on 03/07/2026"
    token = shapes.NUMERIC_ORDER.set("day")
    try:
        day_first = [m.value for m in shapes.dates(text)]
    finally:
        shapes.NUMERIC_ORDER.reset(token)
    token = shapes.NUMERIC_ORDER.set("month")
    try:
        month_first = [m.value for m in shapes.dates(text)]
    finally:
        shapes.NUMERIC_ORDER.reset(token)
    assert day_first == ["2026-07-03"]
    assert month_first == ["2026-03-07"]


def test_a_memo_answers_once_per_document_and_forgets() -> None:
    """Asked again with equal arguments, a memo answers without the work; `forget` (a new reading)
    makes it work again; an exception is raised each time, never kept."""
    calls: list[str] = []

    @docmemo.per_document
    def length(text: str) -> int:
        calls.append(text)
        if not text:
            raise ValueError("empty")
        return len(text)

    assert length("abc") == 3 and length("abc") == 3
    assert calls == ["abc"]
    docmemo.forget()
    assert length("abc") == 3
    assert calls == ["abc", "abc"]
    for _ in range(2):
        with pytest.raises(ValueError):
            length("")
    assert calls == ["abc", "abc", "", ""]


def _doc(body: str) -> dict[str, object]:
    return html_document(f"<html><body>{body}</body></html>")


def _values(reading: object) -> list[tuple[str | None, str | None]]:
    return [(v.field, v.value) for v in getattr(reading, "values", ())]


def test_a_document_reads_the_same_after_another(catalogue: Catalogue) -> None:
    """A document whose own machine type is learnt (`4 × CCX63 (16 vCPU / 64 GB each)`) and one writing
    the same line without teaching it read as they read alone, in either order."""
    teaches = _doc(
        "<h1>Production</h1><p>Servers: 4 × CCX63 (16 vCPU / 64 GB each)</p><p>Nodes: 4 × CCX63</p>"
    )
    plain = _doc("<h1>Production</h1><p>Nodes: 4 × CCX63</p><p>Memory: 256 GB</p>")
    alone = [_values(read_document(d, catalogue)) for d in (teaches, plain)]
    for order in ((teaches, plain, teaches), (plain, teaches, plain)):
        read = [_values(read_document(d, catalogue)) for d in order]
        assert read[0] == alone[0 if order[0] is teaches else 1]
        assert read[1] == alone[0 if order[1] is teaches else 1]
        assert read[2] == read[0]


def test_sample_documents_read_the_same_twice(catalogue: Catalogue) -> None:
    """Every sample TDD reads the same the second time, after the others (the memos of one reading never
    answer the next)."""
    folder: Path = PROJECT_ROOT / "config" / "sandbox" / "docs"
    docs = [html_document(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*-tdd.html"))]
    first = [read_document(d, catalogue) for d in docs]
    again = [read_document(d, catalogue) for d in reversed(docs)][::-1]
    assert first == again


def test_frozen_replace_makes_what_dataclasses_replace_makes() -> None:
    """`frozen.replace` gives the object `dataclasses.replace` gives for the reader's frozen classes, and
    defers to it (its answer or its error) for anything else."""
    import dataclasses

    from handoff.read import frozen
    from handoff.read.fact import Context, Fact

    ctx = Context(section="production", topic="repositories", year="2026")
    fact = Fact("repositories", "1200", "1,200 repos", "label", "production", "total", 4)
    match = shapes.Match(3, 9, "16 GiB", "16 GB")
    for obj, changes in (
        (ctx, {"limit": True}),
        (ctx, {"day": "2026-07-03", "anchor": "x"}),
        (ctx, {}),
        (fact, {"start": 10, "section": "trial"}),
        (match, {"start": 0}),
    ):
        want = dataclasses.replace(obj, **changes)
        got = frozen.replace(obj, **changes)
        assert got == want and type(got) is type(want) and vars(got) == vars(want)
        assert got is not obj and obj == dataclasses.replace(want, **{k: getattr(obj, k) for k in changes})
    with pytest.raises(TypeError):
        frozen.replace(ctx, nothing=1)

    @dataclasses.dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self) -> None:
            if self.n < 0:
                raise ValueError("negative")

    assert frozen.replace(Checked(1), n=2) == Checked(2)
    with pytest.raises(ValueError):
        frozen.replace(Checked(1), n=-1)  # (its own `__init__` and `__post_init__` run)
