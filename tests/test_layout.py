"""The package's layout, checked from its source: no import cycles, the emulator and the benchmark
at the edges.

Every module under scripts/handoff is parsed (not imported); its imports, including those inside
functions and `importlib.import_module("handoff....")` calls, are the edges of the graph. Imports
under `if TYPE_CHECKING:` are left out: they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scripts" / "handoff"


def _module_names() -> dict[str, Path]:
    names = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


MODULES = _module_names()


def _type_checking_only(tree: ast.Module) -> set[int]:
    """The ids of the import nodes under `if TYPE_CHECKING:`."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(sub) for stmt in node.body for sub in ast.walk(stmt))
    return skipped


def _imported(module: str, tree: ast.Module) -> Iterator[str]:
    """Every name `module` imports at run time (absolute, possibly not a handoff module)."""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    skipped = _type_checking_only(tree)
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:  # a submodule when there is one, else the module itself
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base
        elif (
            isinstance(node, ast.Call)
            and ast.unparse(node.func).endswith("import_module")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            yield str(node.args[0].value)


def _resolve(name: str) -> str | None:
    """The handoff module `name` lives in (a.b.c -> a.b when c is an attribute), or None."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = {_resolve(name) for name in _imported(module, tree)}
        graph[module] = {t for t in targets if t and t != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of `graph` as [a, b, ..., a], or None (depth-first search)."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(node: str) -> list[str] | None:
        path.append(node)
        on_path.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt in on_path:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in done and (cycle := visit(nxt)):
                return cycle
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    for start in sorted(graph):
        if start not in done and (cycle := visit(start)):
            return cycle
    return None


def test_the_graph_sees_imports_inside_functions() -> None:
    graph = import_graph()
    assert "handoff.sandbox.server" in graph["handoff.commands"]  # imported inside open_clients' helper
    assert "handoff.commands.run" in graph["handoff.cli"]  # imported inside the click command


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set()}) is None


def test_no_import_cycles() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def test_only_the_command_layer_imports_the_emulator() -> None:
    importers = {
        module
        for module, targets in import_graph().items()
        if any(t.startswith("handoff.sandbox") for t in targets)
    }
    outside = {m for m in importers if not m.startswith(("handoff.commands", "handoff.sandbox"))}
    assert not outside, f"only handoff.commands may import handoff.sandbox: {sorted(outside)}"


def test_the_package_does_not_import_the_benchmark() -> None:
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        names = [n for n in _imported(module, tree) if n == "bench" or n.startswith("bench.")]
        assert not names, f"{module} imports the benchmark ({', '.join(names)}); it is not shipped"


def _bound_twice(tree: ast.Module) -> list[str]:
    """Module-level names bound more than once (a later pattern silently replaces an earlier one)."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names.append(node.name)
    return sorted({n for n in names if names.count(n) > 1})


def test_the_rebinding_finder_finds_one() -> None:
    assert _bound_twice(ast.parse("A = 1\ndef f(): pass\nA = 2\n")) == ["A"]


def test_no_module_binds_a_top_level_name_twice() -> None:
    """Found in read/facts.py: two regexes named alike, so one rule used the other's pattern."""
    found = {
        str(path.relative_to(PACKAGE)): twice
        for path in sorted(PACKAGE.rglob("*.py"))
        if (twice := _bound_twice(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert found == {}


def test_no_merge_leftovers_in_the_package() -> None:
    """A `.orig` or `.rej` file is what a conflicted merge or patch leaves behind: never source."""
    leftovers = [
        str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*") if p.suffix in {".orig", ".rej", ".bak"}
    ]
    assert leftovers == []
