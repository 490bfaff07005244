"""Which option of a comparison table was chosen (pure).

A comparison of options lays them side by side: one column (or row) per option, the criteria down
the other axis (`Kriterium | A: own data centre | B: Hetzner Cloud (chosen) | C: AWS`). A careful
reader takes the deployment's figures from the chosen option only; the others were never built.
The table itself says which one was chosen, by its structure rather than its phrases:

* the options are a run of titles lettered or numbered in order (`A: …`, `B) …`, `Option 3 — …`), or
  a verdict line marks exactly one of them chosen;
* the chosen one is the title carrying a mark of choice (a tick, `(chosen)`, `(gewählt)`), else the
  one cell of a verdict line (a row across the options of short cells, `Verdict | too slow | chosen
  | too expensive`) that carries it, else the option the document's decision names ("Option B
  approved", `Environments.chosen`);
* options lettered in order under a header naming them options (`Option | Machines | vCPU` over rows
  `A`, `B`, `C`) are alternatives, never pools to add up: with none chosen, none was built, and each
  is another part than production.

`option_titles` returns each option title's part: `production` for the chosen one, `trial` (an
option not taken) for the others; nothing when the table is no comparison or names no choice, and
nothing for titles that already name an environment.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from handoff.core.quickre import opened

# an option's id opening its title: `A: …`, `B) …`, `Option 3 — …`, or the letter alone (a bare number
# is a row's or a step's, no option's)
_ID = re.compile(
    r"\s*(?:(?P<word>option|alternative|variant|scenario|variante|optie|opción)\s+)?(?P<id>[A-Za-z]|\d{1,2})"
    r"(?:\s*[:.)—–]|\s+-\s|\s*$)",
    re.IGNORECASE,
)
# a mark of choice: a tick, or a word saying the option was chosen (in the languages TDDs come in)
_CHOSEN = opened(
    re.compile(
        r"[✓✔☑✅]|\b(?:chosen|selected|approved|adopted|decided|winner|our choice|"
        r"gewählt|ausgewählt|entschieden|gekozen|geselecteerd|choisie?|retenue?|sélectionnée?|"
        r"elegid[oa]|seleccionad[oa]|scelt[oa]|valgt|vald)\b",
        re.IGNORECASE,
    )
)
_DENIED = re.compile(r"\b(?:not|nicht|niet|pas|no|non)\s+(?:\w+\s+)?$", re.IGNORECASE)
# a verdict or its label: a few words, no figure ("too expensive", "gewählt", "rejected: cost", "✓")
_WORDS = re.compile(r"[^\W\d]+(?:[\s:,/&'’-]+[^\W\d]+){0,5}|[✓✔☑✅]", re.IGNORECASE)


def _marked(text: str) -> bool:
    """Whether the text carries a mark of choice not denied ("not chosen" is no mark)."""
    return any(not _DENIED.search(text[: m.start()]) for m in _CHOSEN.finditer(text))


def _sequential(titles: list[str]) -> list[str] | None:
    """The ids of titles lettered or numbered in order from the first (`A, B, C`; `1, 2`), or None."""
    ids = []
    for t in titles:
        m = _ID.match(t)
        if m is None or (m.group("id").isdigit() and not m.group("word")):
            return None
        ids.append(m.group("id").casefold())
    first = ids[0]
    if first not in ("a", "1"):
        return None
    step = [chr(ord(first) + k) if first == "a" else str(1 + k) for k in range(len(ids))]
    return ids if ids == step else None


def _verdict(lines: list[list[str]]) -> int | None:
    """The one option a verdict line marks chosen: a line with a label of words, then short cells of
    words (no figure), one per option, exactly one of them marked."""
    for label, *cells in lines:
        if not _WORDS.fullmatch(label.strip()) or any(not _WORDS.fullmatch(c.strip()) for c in cells):
            continue
        marked = [k for k, c in enumerate(cells) if _marked(c)]
        if len(marked) == 1:
            return marked[0]
    return None


def option_titles(texts: list[list[str]], decided: str, named: Callable[[str], str]) -> dict[str, str]:
    """{title: part} for the option titles of a comparison table (`texts`: its cells' text, row by
    row): `production` for the chosen option, `trial` for the others. `decided`: the id of the option
    the document says was decided ("" for none); `named`: the environment a title names. Options
    lettered in order are found first; else a verdict line says which titles are options."""
    width = min((len(r) for r in texts), default=0)
    if len(texts) < 2 or width < 3:
        return {}
    columns = [[r[j] for r in texts[1:]] for j in range(width)]
    axes = [  # (titles, the lines across them, each with its label first)
        ([t.strip() for t in texts[0][1:width]], [r[:width] for r in texts[1:]]),
        ([r[0].strip() for r in texts[1:]], [[texts[0][j], *columns[j]] for j in range(1, width)]),
    ]
    for lettered in (True, False):
        for titles, lines in axes:
            if len(titles) < 2 or not all(titles) or any(named(t) for t in titles):
                continue
            ids = _sequential(titles)
            verdict = _verdict(lines)
            if (ids is None) == lettered or (not ids and verdict is None):
                continue  # no comparison: a `✓` or `Approved by` column is no option
            marked = [k for k, t in enumerate(titles) if _marked(t)]
            if len(marked) == 1:
                chosen: int | None = marked[0]
            elif verdict is not None and not marked:
                chosen = verdict
            elif ids and decided in ids and not marked:
                chosen = ids.index(decided)
            elif ids and not marked and _OPTIONS_HEADER.fullmatch(texts[0][0]):
                chosen = None  # `Option | Machines | …` over `A`, `B`, `C` and no choice: none was built
            else:
                continue
            return {t: "production" if k == chosen else "trial" for k, t in enumerate(titles)}
    return {}


# the header over a column of option ids, naming them options: `Option`, `Options`, `Alternative`
_OPTIONS_HEADER = re.compile(
    r"\s*(?:options?|alternatives?|variants?|scenarios?|varianten?|opties?|opciones?|opción)\s*",
    re.IGNORECASE,
)


def marked(text: str) -> bool:
    """Whether a title carries a mark of choice not denied (a tick, `(chosen)`; "not chosen" is none)."""
    return _marked(text)


__all__ = ["marked", "option_titles"]
