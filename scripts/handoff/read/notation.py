"""How one document writes its numbers, and its texts rewritten into the notation the reader reads.

A careful reader decides what `4'180`, `4 180`, `1.200` or `3,5 TB` mean from the number's shape and
from the document's own habit, once per document, before reading any figure:

* an apostrophe between digit groups (`4'180`, Swiss) and a thin, narrow no-break, figure or
  no-break space (`4 180`) group thousands wherever they are written;
* a plain space groups thousands (`2 816 GiB`, French, SI) only in a document that groups its
  thousands with spaces: no figure grouped with commas or apostrophes, and two spaced figures or
  more, or one in a document that writes no figure of four digits ungrouped (`2500 users`) or that
  groups with dots and writes decimal commas (where spaces group too).
  In a document that groups with commas, `3 500 GB` (three 500 GB disks, or 3,500 GB?) is truly
  ambiguous: it is read as nothing and named in a warning (`ambiguous`), never guessed, unless
  the document writes a spaced figure with commas too (`1 240 dépôts` beside `1,240 repositories`,
  a bilingual text): its spaces then group thousands;
* dots group thousands and a comma is the decimal mark (`1.800 repositories`, `2,4 TB`, Dutch,
  German, Spanish) in a document whose numbers show that habit (a dot grouping thousands, a decimal
  comma before a unit) and never the other one (a comma grouping thousands, a decimal point before a
  unit). A document showing both keeps each figure read by its own shape (`read.shapes`);
* sizes in octets (`384 Gio`, `600 Go`, `3,5 To`, French) are sizes in bytes in a document that
  writes a size in gigaoctets or mebioctets somewhere (`To` alone is too often a word): `Gio` is read
  as `GiB`, `Go` as `GB`.
* figures at another scale (`4.18k`, `5 thousand`, `35 lakh`, `1,20,000`) are digits
  (`read.magnitudes`), and a figure written twice beside itself (`262,144 MB (256 GiB)`, `3 × 16
  vCPU = 48 vCPU`) is read once (`read.figuretwice`), in a document that writes such a figure.

`rewrite` turns a text into the one notation the shapes read (`4,180`, `2.4 TB`) character for
character: every place in the text stays where it was, so locations, links and spans hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from handoff.core.model import Location, Problem, Severity
from handoff.core.quickre import opened
from handoff.read import figuretwice, magnitudes
from handoff.read.edits import has_digit

# a size unit (`Go`, `To` in French), a percentage, or a scale's word (`2,5 Tsd.`, read as `thousand`)
_UNIT = r"\s?(?:[KMGTP]i?B|[KMGT]i\b|[kMGT]o\b|%)|[ \u00a0](?i:thousand|million)\b"
# Each pattern opens with a digit and looks behind it (`\d(?<![\w.,]\d)`: the first digit of a
# number): a scan then tries only the digits of a text, which keeps a document's decision cheap.
_START = r"\d(?<![\w.,]\d)"
_GROUPED_APOS = re.compile(r"\d(?<![\w.,'’]\d)\d{0,2}(?:['’]\d{3})+(?![\d'’]|[.,]\d{3})")
_THIN = "\u2009\u202f\u2007\u00a0"
_GROUPED_THIN = re.compile(rf"{_START}\d{{0,2}}(?:[{_THIN}]\d{{3}})+(?![\d.,]\d)")
# A plain space between a figure of one to three digits and a group of three, then a word or a
# unit ("4 180 repositories", "2 816 GiB"): not a phone number's groups (`+44 20 7946`), not a year.
_GROUPED_SPACE = re.compile(  # (a unit may be glued to it: `2 × 1 000GB`)
    r"\d(?<![\w.,+]\d)(?<![\d+] \d)\d{0,2}(?: \d{3})+(?![\d.,]\d| \d|(?!(?:[KMGTP]i?B|gigs?|vCPUs?)\b)\w)"
)
# A figure of four digits or more written ungrouped before a word ("2500 users"), not a year: a
# writer who does not group thousands, whose one spaced figure may be two figures.
_UNGROUPED = re.compile(r"\d(?<![\w.,]\d)\d{3,}(?![\d.,]\d) [A-Za-z]")
_YEAR = re.compile(r"(?:19|20)\d\d ")
_COMMA_GROUPED = re.compile(rf"{_START}\d{{0,2}}(?:,\d{{3}})+(?![\d,]|\.\d{{3}})")
_DOT_GROUPED = re.compile(rf"{_START}\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?(?![\w.]|,\d)")
_DECIMAL_COMMA = re.compile(rf"{_START}\d*,\d{{1,2}}(?={_UNIT})")
_BARE_DECIMAL_COMMA = re.compile(rf"{_START}\d*,\d{{1,2}}(?![\d,])")  # `14,5`, `823,5`
_DECIMAL_POINT = re.compile(rf"{_START}\d*\.\d{{1,2}}(?={_UNIT})")
# In a European document: `1.800`, `1.234,5`, `2,4` (dots group, a comma is the decimal mark).
_EUROPEAN_NUMBER = re.compile(  # (never a comma's fraction cut off before a digit: `1,12,400` is Indian)
    rf"{_START}(?:\d{{0,2}}(?:\.\d{{3}})+(?:,\d+)?|\d*,\d+)(?![\w.,]\d|[A-Za-z_\d])"
)
_SEPARATORS = str.maketrans({"'": ",", "’": ",", "\u2009": ",", "\u202f": ",", "\u2007": ",", "\u00a0": ","})
_EUROPEAN = str.maketrans({".": ",", ",": "."})
_OCTETS = re.compile(r"\d\s?(?:[KMG]io|[kMG]o)\b")  # a size in octets: the document's habit
_OCTET_UNIT = re.compile(r"(?<=\d)(\s?[KMGT]i?)o\b|(?<=\d)(\s?)ko\b")
# a size of one to three digits, a dot and three digits, in GB or MB (`1.250 GB`; not TB: `2.000 TB` as
# 2,000 TB is no deployment's)
_DOTTED_SIZE = re.compile(rf"{_START}(\d{{0,2}})\.(\d{{3}})(?![\d.,])(?=\s?((?:[GM]i?B)\b))")
# What every match of a pattern above holds, written so that `re` finds it by a literal or a rare
# character first (a document's whole text in a few microseconds, where each pattern tries every digit):
# a digit, an apostrophe and three digits; a digit, a space and three digits; an octet's unit; a digit, a
# dot, three digits and a size's unit
_APOS_SIGN = re.compile(r"['’](?<=\d['’])(?=\d{3})")
_SPACE_SIGN = re.compile(r" (?<=\d )(?=\d{3})")
_OCTETS_SIGN = opened(re.compile(r"[KMG]io|[kMG]o"))
_DOTTED_SIGN = re.compile(r"\.(?<=\d\.)(?=\d{3}(?![\d.,])\s?[GM]i?B\b)")
_DISK_BEFORE = re.compile(r"\b(?:disks?|storage|volumes?|ssd|pvcs?|datastore|lun|capacity)\b", re.IGNORECASE)
_REPO_BEFORE = re.compile(r"\b(?:repo\w*|monorepo\w*|largest|git\b|code)", re.IGNORECASE)
BLANK = "_"  # what an ambiguous figure's separator becomes: no shape reads `3_500`


@dataclass(frozen=True)
class Notation:
    """A document's number habits: `space` (a plain space groups thousands), `european` (dots group
    thousands, a comma is the decimal mark); `ambiguous`: the figures read as nothing (as written)."""

    space: bool = False
    european: bool = False
    marks: bool = False  # apostrophes or typographic spaces group some figure
    ambiguous: tuple[str, ...] = field(default=())
    known: frozenset[str] = frozenset()  # spaced figures the document also writes with a comma (`1,240`)
    octets: bool = False  # sizes written in octets (`384 Gio`, `3,5 To`)
    scaled: bool = False  # figures abbreviated, worded or grouped the Indian way (`4.18k`, `1,20,000`)
    twice: bool = False  # figures written twice beside themselves (`262,144 MB (256 GiB)`, `3 × 16 = 48`)
    dotted: bool = False  # sizes with three digits after a dot (`2.000 GB`) in a document of no dot habit

    @property
    def plain(self) -> bool:
        """Whether every text reads as it is written."""
        return not (
            self.space or self.european or self.marks or self.ambiguous or self.known or self.octets
            or self.scaled or self.twice or self.dotted
        )  # fmt: skip

    def rewrite(self, text: str) -> str:
        """`text` in the reader's notation, of the same length (module doc)."""
        if self.plain or not has_digit(text):
            return text
        if self.marks:  # as the document's other groups: commas, or dots where a comma is the decimal mark
            group = _dots if self.european else _commas  # (`1 800 Go` beside `2,4 Go`, French)
            text = _GROUPED_APOS.sub(group, text) if "'" in text or "’" in text else text
            text = _GROUPED_THIN.sub(group, text) if any(c in text for c in _THIN) else text
        if self.european:
            text = _EUROPEAN_NUMBER.sub(lambda m: m.group(0).translate(_EUROPEAN), text)
        if self.space or self.known or self.ambiguous:
            text = _GROUPED_SPACE.sub(self._spaced, text)
        if self.octets and "o" in text:
            text = _OCTET_UNIT.sub(_bytes, text)
        if self.scaled:
            text = magnitudes.rewrite(text, dots=self.european)
        if self.twice:
            text = figuretwice.rewrite(text)
        if self.dotted and "." in text:
            text = _DOTTED_SIZE.sub(_dotted, text)
        return text

    def _spaced(self, m: re.Match[str]) -> str:
        figure = m.group(0)
        if self.space or figure in self.known:
            return figure.replace(" ", ",")
        return figure.replace(" ", BLANK) if figure in self.ambiguous else figure


PLAIN = Notation()


def notation(text: str) -> Notation:
    """The number habits of a document, from all its text (module doc)."""
    if not has_digit(text):
        return PLAIN
    apostrophes = ("'" in text or "’" in text) and bool(
        _APOS_SIGN.search(text) and _GROUPED_APOS.search(text)
    )
    marks = apostrophes or (any(c in text for c in _THIN) and bool(_GROUPED_THIN.search(text)))
    commas = bool(_COMMA_GROUPED.search(text))
    found = list(_GROUPED_SPACE.finditer(text)) if _SPACE_SIGN.search(text) else []
    european = (
        not commas
        and bool(
            _DOT_GROUPED.search(text)
            or _DECIMAL_COMMA.search(text)
            # spaces group thousands and no comma does: a comma in a figure is its decimal mark
            or (len(found) >= 2 and _BARE_DECIMAL_COMMA.search(text))
        )
        and not _points_habit(text)
    )
    space = (
        bool(found)
        and (len(found) >= 2 or european or not _ungrouped(text))
        and not commas
        and not apostrophes
    )
    said = [m.group(0) for m in found] if not space else []
    known = frozenset(f for f in said if f.replace(" ", ",") in text)  # a bilingual text: "1 240" and "1,240"
    if known:  # the document shows that its spaces group thousands: its other spaced figures too
        known = frozenset(said)
    ambiguous = tuple(f for f in said if f not in known)  # a figure of something, read neither way
    octets = bool(_OCTETS_SIGN.search(text) and _OCTETS.search(text))
    # a size with three digits after a dot (`2.000 GB`, `1.250 GB`) in a document that shows no habit
    # of its dots (no dot groups thousands, no dot or comma is a decimal mark before a unit): `_dotted`
    dotted = (
        not european
        and bool(_DOTTED_SIGN.search(text) and _DOTTED_SIZE.search(text))
        and not _DECIMAL_POINT.search(text)
    )
    habit = Notation(space, european, marks, ambiguous, known, octets, dotted=dotted)
    # figures at another scale and figures written twice, as the document's other habits leave them
    # (`1,20,000` as `120,000` before `120,000 MB (117.2 GiB)`); a rewrite of every text only where
    # one changes
    written = text if habit.plain else habit.rewrite(text)
    scaled = magnitudes.rewrite(written, dots=european)
    return replace(habit, scaled=scaled != written, twice=figuretwice.rewrite(scaled) != scaled)


def _points_habit(text: str) -> bool:
    """Whether a text shows the habit of a decimal point before a unit (`1.5 TB`). A fraction of zeros
    (`96.00 GiB`, as a hypervisor's or a tool's pasted output prints every size) reads the same under
    either habit, so it shows none in a text that shows both signs of the other one: dots grouping
    thousands (`1.620 GB`) and a decimal comma (`1,3 GB`, `2,4 gigs`)."""
    points = [m.group(0) for m in _DECIMAL_POINT.finditer(text)]
    if not points:
        return False
    if any(p.rpartition(".")[2].strip("0") for p in points):
        return True
    return not (
        _DOT_GROUPED.search(text) and (_DECIMAL_COMMA.search(text) or _BARE_DECIMAL_COMMA.search(text))
    )


def _dotted(m: re.Match[str]) -> str:
    """A size with three digits after its dot in a document of no dot habit (`Notation.dotted`): a
    thousands figure (`2,000 GB`) when its last two digits are zeros (`2.000`, `1.500`: no writer
    pads a decimal so) or when it is a disk's in GB (`Disk: 1.250 GB`: a deployment's disk of 1.25 GB
    is implausible); else as written (a repository's `1.250 GB` may be either: read as a decimal, as
    before)."""
    figure, fraction, unit = m.group(0), m.group(2), m.group(3)
    disk = unit.upper() in ("GB", "GIB") and _DISK_BEFORE.search(m.string, max(0, m.start() - 60), m.start())
    repo = _REPO_BEFORE.search(m.string, max(0, m.start() - 60), m.start())
    if fraction.endswith("00") or (disk and not repo):
        return figure.replace(".", ",", 1)
    return figure


def _bytes(m: re.Match[str]) -> str:
    """An octet unit as the byte unit of the same length (`Gio` → `GiB`, `ko` → `kB`)."""
    return f"{m.group(1)}B" if m.group(1) is not None else f"{m.group(2)}kB"


def _ungrouped(text: str) -> bool:
    """Whether a text writes a figure of four digits or more ungrouped before a word, not a year."""
    return any(not _YEAR.fullmatch(m.group(0)[:-1]) for m in _UNGROUPED.finditer(text))


def _commas(m: re.Match[str]) -> str:
    return m.group(0).translate(_SEPARATORS)


def _dots(m: re.Match[str]) -> str:
    return m.group(0).translate(_SEPARATORS).replace(",", ".")


def ambiguous_figures(figures: tuple[str, ...], blocks: list[tuple[str, Location]]) -> list[Problem]:
    """A warning per ambiguous figure (as written), at the first text read that holds it."""
    out: list[Problem] = []
    for figure in dict.fromkeys(figures):
        blanked = figure.replace(" ", BLANK)
        where = next((loc for text, loc in blocks if blanked in text), None)
        if where is None:
            continue
        first, _, rest = figure.partition(" ")
        out.append(
            Problem(
                Severity.WARNING,
                f"'{figure}' ({where.ref.removeprefix('TDD ')}) may be {figure.replace(' ', ',')} or the "
                f"figures {first} and {rest}: the document does not group its thousands with spaces, so it "
                "is not read",
                None,
                where,
                f"write {figure.replace(' ', ',')} if it is one figure",
            )
        )
    return out


def blanked(figures: tuple[str, ...]) -> tuple[str, ...]:
    """The ambiguous figures as the rewritten texts hold them (`3_500`)."""
    return tuple(f.replace(" ", BLANK) for f in figures)


def as_written(text: str, figures: tuple[str, ...]) -> str:
    """A rewritten text with its ambiguous figures shown as written again (`3 500`)."""
    for f in figures:
        text = text.replace(f.replace(" ", BLANK), f)
    return text
