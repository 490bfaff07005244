"""Value shapes in TDD text: sizes, CPU counts, instance types, URLs, dates, counted nouns.

Pure functions over one string; each finder returns `Match`es with their span in the string, so
the caller can see what surrounds a value (the words that say what it is). Nothing here knows
about fields: `read.facts` decides what a shape means from the words around it.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from handoff.core.quickre import opened, quick
from handoff.read import sockets
from handoff.read.docmemo import per_document

DIGIT = re.compile(r"\d")
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUM = re.compile(NUMBER)
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "single": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_WORD_COUNT = r"a single|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|an|a"
WORD_COUNT = r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"

# A size may be written with a decimal comma ("1,5 GB", "0,8 TB": a comma and one or two digits), or
# grouped the Indian way, in lakhs ("1,96,608 MiB", "18,00,000 MB": pairs of digits before the thousands).
_SIZE_NUMBER = (
    r"\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?"
)
# (not a rate: `250MB/s`, `500 MBps`, a throughput)
SIZE = quick(
    rf"(?<![\w.,])(?P<num>{_SIZE_NUMBER})\s*(?P<unit>TiB|GiB|MiB|TB|GB|MB|Ti|Gi|Mi)\b(?!\s?/\s?s(?:ec)?\b|ps\b)"
)
# A compact CPU and memory pair (`96c/384G`, `16C/64GB`): its `c` is a CPU count only before the memory.
_COMPACT_C = r"c(?=\s?/\s?\d+(?:\.\d+)?\s?(?:G|GB|GiB|Gi)\b)"
CPU = quick(  # `64 vCPU`, and with the kind of CPU between (`48 dedicated vCPU`, `16 physical cores`)
    rf"(?<![\w.])(?P<num>{NUMBER})[\s-]*(?:[^\W\d_]{{4,14}}\s+)?"
    # (not a compound's first word: "the 2027 core-system replacement", "8 vCPU-hours")
    rf"(?:v?CPUs?|vcores?|cores?|{_COMPACT_C})\b(?![-‑][^\W\d_])",
    re.IGNORECASE,
)

# Cloud instance types by shape: AWS `m6a.4xlarge`, Google Cloud `n2-highmem-8`, Azure `Standard_E32s_v5`.
_AWS = r"[a-z][a-z0-9]*\d[a-z0-9]*\.(?:nano|micro|small|medium|large|metal|\d*xlarge)"
_GCP = (
    r"[a-z]\d[a-z]?-(?:standard|highmem|highcpu|megamem|ultramem|hypermem|highgpu|custom)-\d+"
    r"|e2-(?:micro|small|medium)"
)
# (and `StandardE16sv5`: the underscores a Markdown autoformat turned into italics, read as written out)
_AZURE = r"Standard_[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*|Standard[A-Z]\d+[a-z]*v\d+"
# Oracle Cloud's shapes: `VM.Standard.E4.Flex`, `VM.Standard3.Flex`, `BM.Standard.E5.192`, `VM.GPU.A10.1`
_OCI = r"(?:VM|BM)\.[A-Z][A-Za-z]*\d*(?:\.[A-Z]\d+)?\.(?:Flex|\d+)(?:\.Micro)?"
KNOWN_TYPE = quick(rf"(?<![\w.-])(?:{_AWS}|{_GCP}|{_AZURE}|{_OCI})(?![\w-])")
# The machine types the document being read writes in shapes of their own (`g2i.16`, `CCX63`), as
# families of regex sources (`read.owntypes`), set while one document is read.
OWN_TYPES: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar("own_types", default=frozenset())


def own_type(kind: str) -> bool:
    """Whether `kind` is one of the document's own machine types (`OWN_TYPES`), not a cloud's."""
    return any(re.fullmatch(family, kind) for family in OWN_TYPES.get())


# AWS types written short, as notes do (`m6i.4xl`, `r6i.xl`: `xl` for `xlarge`): read as the type they
# shorten only when that type is a known one (`config/instance_types.toml`, the reader's catalogue:
# `abbreviated_types`), so the family and size are unambiguous. Set while one document is read.
SHORT_TYPES: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "short_types", default=frozenset()
)


@functools.lru_cache(maxsize=4)
def abbreviated_types(names: tuple[str, ...]) -> frozenset[str]:
    """The short forms (`m6i.4xl`) of the known AWS `xlarge` types among `names`, lower case."""
    return frozenset(
        n[: -len("arge")].lower()
        for n in names
        if re.fullmatch(_AWS, n.lower()) and n.lower().endswith("xlarge")
    )


@functools.lru_cache(maxsize=16)
def _types_pattern(own: frozenset[str], short: frozenset[str] = frozenset()) -> re.Pattern[str]:
    if not own and not short:
        return KNOWN_TYPE
    mine = "".join(f"|{t}" for t in sorted(own, key=len, reverse=True))
    if short:  # (case-blind, as the clouds' shapes; the document's own types keep their case)
        mine += "|(?i:" + "|".join(re.escape(t) for t in sorted(short, key=len, reverse=True)) + ")"
    return re.compile(rf"(?<![\w.-])(?:{_AWS}|{_GCP}|{_AZURE}|{_OCI}{mine})(?![\w-])")


class _InstanceTypes:
    """Instance types by shape: the clouds' (`KNOWN_TYPE`), the document's own (`OWN_TYPES`) and
    the known AWS types written short (`SHORT_TYPES`)."""

    @staticmethod
    def _pattern() -> re.Pattern[str]:
        return _types_pattern(OWN_TYPES.get(), SHORT_TYPES.get())

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self._pattern().search(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self._pattern().finditer(text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self._pattern().fullmatch(text)


INSTANCE_TYPE = _InstanceTypes()
_CLOUDS = tuple(  # (Oracle Cloud is one of the smaller clouds the vocabulary calls "other")
    (name, re.compile(p, re.IGNORECASE))
    for name, p in (("AWS", _AWS), ("GCP", _GCP), ("Azure", _AZURE), ("other", _OCI))
)


_DIRECTION = r"(?:north|south|east|west|central|northeast|southeast|northwest|southwest)"
_AWS_REGION = rf"(?:us|eu|ap|sa|ca|me|af|il|mx)(?:-gov)?-{_DIRECTION}-\d"
_GCP_REGION = rf"(?:us|europe|asia|australia|northamerica|southamerica|me|africa)-{_DIRECTION}\d{{1,2}}"
REGION = re.compile(rf"(?<![\w.-])(?:{_AWS_REGION}|{_GCP_REGION})(?![\w-])")  # `eu-west-2`, `europe-west4`


def region_cloud(region: str) -> str:
    """The cloud of a region name REGION found: AWS writes a hyphen before the number, GCP none."""
    return "AWS" if re.fullmatch(_AWS_REGION, region) else "GCP"


def cloud_of(kind: str) -> str | None:
    """The cloud whose instance type has this shape (`m6i.4xlarge` AWS, `VM.Standard.E5.Flex` Oracle's:
    other), None for no known shape."""
    return next((name for name, pattern in _CLOUDS if pattern.fullmatch(kind)), None)


GROUP_WORDS = {"pair": 2, "couple": 2, "trio": 3, "quartet": 4, "quintet": 5, "dozen": 12}  # "a trio of"
_MACHINE_NOUN = r"(?:nodes?|vms?|machines?|instances?|servers?|workers?)"
# a counter noun before "of" (`4 units of`, `6 nodes of`), never a unit of an amount (`16 vCPU of`)
_COUNTER = r"(?!(?:v?cpus?|vcores?|cores?|threads?|[kmgtp]i?b|gigs?|percent|per)\b)[a-z]{2,12}"
# `3 x`, `three`, `a pair of`, `6 nodes ×`, `4 units of`, `3 nos.`, `three (3)`
_COUNT_BEFORE = opened(
    re.compile(
        rf"(?:(?P<n>\d+)\s*(?:{_MACHINE_NOUN}\s*)?[x×*]\s*|(?<![\w.-])(?P<o>\d+)\s+(?:(?!(?:instead|out|one|some|each|any|all|both|most)\b){_COUNTER}\s+of|nos?\.)\s+(?:type\s+)?"
        rf"|\b(?P<wo>{WORD_COUNT})\s+{_MACHINE_NOUN}\s+of\s+(?:type\s+)?"
        rf"|(?:\b{_WORD_COUNT}\s*)?\(\s*(?P<p>\d+)\s*\)\s+|\b(?P<w>{_WORD_COUNT})\s+"
        rf"|\b(?:an?\s+)?(?P<g>{'|'.join(GROUP_WORDS)})\s+(?:of\s+)?"
        r"|(?<![\w.,/-])(?P<d>\d{1,3})[ \t\u00a0]+)"
        # `3 r6i.4xlarge nodes`, `three EC2 m6i.4xlarge`
        r"(?:(?:ec2|aws|gce|gcp|azure|amazon)[ \t\u00a0]+)?$",
        re.IGNORECASE,
    )
)
# `× 4`, `× 4台` (a counter written on the number), `(3 nodes)`
_COUNT_AFTER = re.compile(
    r"^\s*(?:[x×*]\s*(?P<n>\d+)(?![\d.,]?\d)(?![a-z])|\(\s*(?P<m>\d+)\s*(?:x|×|nodes?|instances?)?\s*\))"
)

URL = re.compile(r"\bhttps?://[^\s<>()\"'`,;]+", re.IGNORECASE)

_MONTHS = {
    m: i
    for i, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        1,
    )
    for m in names
}  # fmt: skip
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATE = re.compile(  # (every branch opens with a digit or a month's first letter: the lookahead says so)
    rf"\b(?=[\djfmasond])(?:(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?=T\d)"  # an ISO timestamp: 2026-08-10T21:05:00Z
    rf"|(?:(?P<iso2>\d{{4}}-\d{{2}}-\d{{2}})"
    rf"|(?P<d1>\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH}),?\s+|-(?P<m3>{_MONTH})-)(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))\b)",
    re.IGNORECASE,
)

# A day and month without a year ("2 Mar", "Aug 3rd"), read only where the context gives the year
# (a "Timeline (2026)" heading): the month must be a capitalised month name or its abbreviation.
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# (every `_MONTH_NAME` opens with one of these: a text holding none has no day and month in words)
_MONTH_CAPITALS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_CAPITAL = re.compile("|".join(_MONTH_CAPITALS))  # in every match of `DAY_MONTH`: a quick no
_NO_YEAR = r"(?![.,]?\s*(?!\d{1,2}:\d\d)\d)"  # (a time of day may follow: "Aug 3, 08:00 UTC")
_ORDINALS = [  # the days a date may write in words ("the third of August")
    *("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"),
    *("eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth"),
    *("eighteenth", "nineteenth", "twentieth"),
]
ORDINAL_DAY = {w: i for i, w in enumerate(_ORDINALS, 1)} | {"thirtieth": 30}
_ORDINAL = rf"(?:(?:twenty|thirty)[\s-]?(?:{'|'.join(_ORDINALS[:9])})|{'|'.join(ORDINAL_DAY)})"
DAY_MONTH = re.compile(  # (the lookahead: the first characters of its branches, a day's digit or word)
    rf"\b(?=[\dJFMASONDtfsen])(?:(?P<d1>\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?|-)(?P<m1>{_MONTH_NAME}){_NO_YEAR}"
    rf"|(?P<m2>{_MONTH_NAME})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b{_NO_YEAR}"
    rf"|(?P<w3>{_ORDINAL})\s+of\s+(?P<m3>{_MONTH_NAME}){_NO_YEAR}"
    rf"|(?P<m4>{_MONTH_NAME})\s+(?:the\s+)?(?P<w4>{_ORDINAL}){_NO_YEAR})(?![\w-])",
)  # "2 Mar", "Aug 3rd", "the third of August", "March ninth": the month with its capital
YEAR = quick(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str  # as written
    value: str  # canonical text a field reader accepts ("3 × m6i.4xlarge", "2026-08-03", "448 GB")


def canon(number_text: str) -> str:
    """A written number without grouping commas or a zero fraction: `3,500` → `3500`, `2.50` → `2.5`;
    a decimal comma (`1,5`: one or two digits after it) is a decimal point."""
    decimal = _DECIMAL_COMMA.fullmatch(number_text)
    t = number_text.replace(",", ".") if decimal else number_text.replace(",", "")
    return t.rstrip("0").rstrip(".") if "." in t else t


_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+")


_SIZE_UNITS = ("TB", "GB", "MB", "Ti", "Gi", "Mi")  # every unit SIZE reads starts with one of these
# A size with its unit in lower case, as terse notes and chat write every word (`128 gib`, `~2.4 gb`,
# `1,500 gb`, `2 tb`): the unit whole and all lower case (not `Gb`, `Mb`: bits, a network's), never a
# rate (`10 gb/s`, `100 mbps`); read as its unit (`128 GiB`).
_LOWER_SIZE = quick(
    rf"(?<![\w.,])(?P<num>{_SIZE_NUMBER})\s*(?P<unit>tib|gib|mib|tb|gb|mb)\b(?!\s?/\s?s(?:ec)?\b|ps\b)"
)
_LOWER_UNITS = {"tib": "TiB", "gib": "GiB", "mib": "MiB", "tb": "TB", "gb": "GB", "mb": "MB"}
# A listing's or a note's size with its unit one letter glued on (`9.8G`, `140G`, `2.5T`, `2T`; in
# lower case too, as quick notes write them: `64g`, `3.2g`, `1.5t`): a single digit only before `T`
# (`4G`, `5G` name networks; but `4c/8g`, a machine's memory after its CPUs), never a rate (`250M/s`)
# nor a word's start (`2Gbit`).
_GLUED = opened(
    re.compile(
        r"(?<![\w.,])(?P<num>\d+\.\d+|\d{2,}|\d(?=[Tt])|(?<=[cC]/)\d(?=[Gg])|(?<=[cC] / )\d(?=[Gg]))"
        r"(?P<unit>[TGMgt])(?!\w|\.\w|/s\b)"
    )
)


def _whole_gib(number: str, unit: str) -> str:
    """A size's canonical text; one in MiB that is a whole number of GiB (`196,608 MiB`, a console's
    `65536Mi`) is that many GiB: the figure it was worked out from. So is one in MB that is a whole
    number of GiB and no round decimal figure (`196608MB`, `16384 MB`: a hypervisor's or a tool's
    megabytes are binary; `128000 MB` stays decimal, and so does a small one, `1024 MB`, a repository's)."""
    whole = number.isdigit() and int(number) >= 1024 and int(number) % 1024 == 0
    if whole and (unit in ("MiB", "Mi") or (unit == "MB" and int(number) >= 16384 and int(number) % 1000)):
        return f"{int(number) // 1024} GiB"
    return f"{number} {unit}"


# how many of a size there are, written right before it: `4 ×`, `2x`, `3 *`, `4 replicas ×`,
# `2 PVCs of` (`shapes.size_count`; a figure inside a longer number is no count)
_SIZE_COUNT = re.compile(
    r"(?<![\w.,])(\d{1,3})\s*(?:(?:replicas?|volumes?|disks?|pvcs?|copies|nodes?)\s*[×x*]|[×x*]|"
    r"(?:pvcs?|volumes?|disks?)\s+of)\s*$",
    re.IGNORECASE,
)


def size_count(before: str) -> re.Match[str] | None:
    """The count of like items written at the end of `before`, the text right before a size
    (`gitserver 4 × ` before `2,500 GiB`): its group 1 is the count; None when there is none."""
    return _SIZE_COUNT.search(before, max(0, len(before) - 32))


def sizes(text: str) -> Iterator[Match]:
    """Sizes: `448 GB`, `1,5 GB`, and with the unit spelt out (`eleven gigabytes`, `3 terabytes`)."""
    return iter(_sizes(text))


@per_document  # a value's sizes are asked for by several of its readings in turn
def _sizes(text: str) -> tuple[Match, ...]:
    found = [
        Match(m.start(), m.end(), m.group(0), _whole_gib(canon(m.group("num")), m.group("unit")))
        for m in (SIZE.finditer(text) if any(unit in text for unit in _SIZE_UNITS) else ())
    ]
    if _LOWER_SIZE.search(text):  # `128 gib`, `~2.4 gb`: a size with its unit in lower case
        for m in _LOWER_SIZE.finditer(text):
            unit = _LOWER_UNITS[m.group("unit")]
            found.append(Match(m.start(), m.end(), m.group(0), _whole_gib(canon(m.group("num")), unit)))
    if _GLUED.search(text):  # `9.8G`, `140G`: a listing's size (`du -h`), its unit one letter glued on
        for m in _GLUED.finditer(text):
            found.append(
                Match(m.start(), m.end(), m.group(0), f"{canon(m.group('num'))} {m.group('unit').upper()}B")
            )
    if _UNIT_WORDS.search(text):
        for m in _SIZE_SPELT.finditer(text):
            number = m.group("num") or _spelt_size_number(m)
            unit = _UNIT_WORDS.search(m.group("unit")).group(0).casefold()  # type: ignore[union-attr]
            found.append(Match(m.start(), m.end(), m.group(0), f"{canon(number)} {_UNITS_SPELT[unit]}"))
    if _WORD_THEN_UNIT.search(text):  # "two and a half TiB"
        for m in _SIZE_WORDS.finditer(text):
            number = spelt_number(m.group("words")) + (0.5 if m.group("half") else 0)
            found.append(Match(m.start(), m.end(), m.group(0), f"{canon(f'{number:g}')} {m.group('unit')}"))
    for m in _SIZE_FRACTION.finditer(text):  # "half a tera", "three-quarters of a terabyte"
        taken = any(f.start <= m.start("unit") < f.end for f in found)  # ("a terabyte" read alone)
        found = [f for f in found if not m.start() <= f.start < m.end()] if taken else found
        number = _FRACTIONS[re.sub(r"[\s-]+", " ", m.group("frac").casefold()).removeprefix("a ")]
        unit = m.group("unit")
        word = _UNIT_WORDS.search(unit)
        unit = _UNITS_SPELT[word.group(0).casefold()] if word else unit
        found.append(Match(m.start(), m.end(), m.group(0), f"{canon(f'{number:g}')} {unit}"))
    return tuple(sorted(found, key=lambda m: m.start))


# A fraction of one unit, as people say a size: "half a tera", "three-quarters of a terabyte", "a quarter
# of a TB", "half a gig" (no digit and no number word: the fraction is the figure)
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "third": 1 / 3,
              "one third": 1 / 3, "two thirds": 2 / 3}  # fmt: skip
_SIZE_FRACTION = quick(
    r"(?<![\w.,-])(?P<frac>half|(?:a|one)[\s-]+quarter|three[\s-]+quarters|(?:a|one)[\s-]+third|two[\s-]+thirds)"
    r"(?:\s+of)?\s+an?\s+(?P<unit>(?:tera|giga|tebi|gibi)bytes?|gigs?|teras?|TiB|GiB|TB|GB)\b",
    re.IGNORECASE,
)


# Numbers written as words ("twelve hundred", "a dozen", "two thousand five hundred").
_SMALL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
)
_SMALL = {w: i for i, w in enumerate(_SMALL_WORDS.split())}
_TENS = {w: 10 * i for i, w in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty",
                                          "ninety"), 2)}  # fmt: skip
_SCALE = {"hundred": 100, "thousand": 1000, "dozen": 12}
_NUMBER_WORD = "|".join(sorted((*_SMALL, *_TENS, *_SCALE), key=len, reverse=True))
SPELT = quick(
    rf"(?<![\w-])(?:(?:half[\s-]+)?an?[\s-]+(?=(?:hundred|thousand|dozen)\b))?(?:{_NUMBER_WORD})"
    rf"(?:(?:\s+|-)(?:and\s+)?(?:{_NUMBER_WORD}))*(?:\s+and\s+a\s+half\s+(?:hundred|thousand|dozen))?(?![\w-])",
    re.IGNORECASE,
)
_TWICE = quick(
    rf"(?:(?P<w>{SPELT.pattern})|(?<![\w.,])(?P<d>\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}}))\s*\(\s*(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}})\s*\)"
    rf"|(?<![\w.,])(?P<n2>\d{{1,3}}(?:,\d{{3}})+|\d{{1,7}})\s*\(\s*(?P<w2>{SPELT.pattern})\s*\)",  # "2 (two)"
    re.IGNORECASE,
)

# what every `_TWICE` match holds: its bracket opening before its digits (`(2)`), or after them (`2 (two)`)
_PAREN_DIGIT = re.compile(r"\(\s*\d|\d\s*\(")


def once(text: str) -> str:
    """A count written in words and again in digits, as contracts do ("two (2) are monorepos", "three
    thousand (3,000) Authorised Users"; also once the words are already digits, `spelt_digits`), with
    the words and brackets blanked: the digits alone, every other character where it was."""
    if "(" not in text or _PAREN_DIGIT.search(text) is None:
        return text  # (every match has digits right inside its bracket, or right before it)

    def blank(m: re.Match[str]) -> str:
        if m.group("n2"):  # the digits first, the words in brackets after them
            if spelt_number(m.group("w2")) != int(m.group("n2").replace(",", "")):
                return m.group(0)
            return m.group("n2") + " " * (m.end() - m.end("n2"))
        said = spelt_number(m.group("w")) if m.group("w") else int(m.group("d").replace(",", ""))
        if said != int(m.group("n").replace(",", "")):
            return m.group(0)
        return " " * (m.start("n") - m.start()) + m.group("n") + " " * (m.end() - m.end("n"))

    return _TWICE.sub(blank, text)


_UNITS_SPELT = {
    "terabyte": "TB", "gigabyte": "GB", "megabyte": "MB", "gig": "GB", "tera": "TB",
    "tbyte": "TB", "gbyte": "GB", "mbyte": "MB", "tebibyte": "TiB", "gibibyte": "GiB", "mebibyte": "MiB",
}  # fmt: skip
_UNIT_WORDS = quick(  # "nine gigs", "128 GBytes", "2 tebibytes"
    r"terabyte|gigabyte|megabyte|tebibyte|gibibyte|mebibyte|\b[tgm]byte|\b(?:gig|tera)(?=s?\b)", re.IGNORECASE
)
_SPELT_BODY = SPELT.pattern.split(")", 1)[1].removesuffix("(?![\\w-])")  # the words, no lookarounds
_DIGIT_WORD = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine)"
_SIZE_SPELT = re.compile(  # "nine gigs", "nine point two gigs", "six and a half gigabytes"
    rf"(?<![\w.,-])(?:(?P<num>{NUMBER})|(?P<words>{_SPELT_BODY})"
    rf"(?:\s+point\s+(?P<frac>{_DIGIT_WORD}(?:[\s-]+{_DIGIT_WORD})*)|(?P<half>\s+and\s+a\s+half))?)[\s-]*(?P<unit>(?:tera|giga|mega|tebi|gibi|mebi|[TGM])bytes?|gigs?|teras?)\b",
    re.IGNORECASE,
)


def _spelt_size_number(m: re.Match[str]) -> str:
    """The number of a size written in words, with its decimals said digit by digit ("nine point two")
    or its half ("six and a half")."""
    whole = spelt_number(m.group("words"))
    if m.group("frac"):
        digits = "".join(str(_SMALL.get(w, 0)) for w in re.findall(r"[a-z]+", m.group("frac").casefold()))
        return f"{whole}.{digits}"
    return f"{whole + 0.5:g}" if m.group("half") else str(whole)


_SIZE_WORDS = re.compile(  # a number in words before a unit's symbol: "two and a half TiB"
    rf"(?<![\w.,-])(?P<words>{_SPELT_BODY})(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>TiB|GiB|TB|GB)\b",
    re.IGNORECASE,
)
_WORD_THEN_UNIT = quick(r"[a-z][\s-]+(?:TiB|GiB|TB|GB)\b", re.IGNORECASE)
_WORD_THEN_CPU = quick(r"[a-z][\s-]+(?:v?CPUs?|vcores?|cores?)\b", re.IGNORECASE)
_CPU_SPELT = opened(
    re.compile(rf"(?<![\w.,-])(?P<words>{_SPELT_BODY})[\s-]+(?:v?CPUs?|vcores?|cores?)\b", re.IGNORECASE)
)


def spelt_size(text: str) -> bool:
    """Whether the text may have a figure with no digit: a unit spelt out (`eleven gigabytes`), a unit
    or CPU word after a word (`sixty-four vCPUs`, `two and a half TiB`)."""
    return bool(_UNIT_WORDS.search(text) or _WORD_THEN_UNIT.search(text) or _WORD_THEN_CPU.search(text))


_BIG_SPELT = quick(r"hundred|thousand|dozen|ty\b", re.IGNORECASE)


def spelt_digits(text: str) -> str:
    """`text` with its counts of twenty and more written as words in digits, padded to the words'
    length so every place stays where it was ("three hundred from Bitbucket" → "300           from
    Bitbucket"): the count rules then read them as they read digits."""
    if not _BIG_SPELT.search(text) or not SPELT.search(text):
        return text  # (a count of twenty or more has one of the _BIG_SPELT words: a quick no)

    def digits(m: re.Match[str]) -> str:
        words = m.group(0)
        if not _BIG_SPELT.search(words) or text.startswith(" and a half", m.end()):
            return words
        number = str(spelt_number(words))
        return number.ljust(len(words)) if len(number) <= len(words) else words

    return SPELT.sub(digits, text)


def spelt_number(words: str) -> int:
    """The value of a number written as words: `twelve hundred` → 1200, `a dozen` → 12. As people say
    figures, a tens word right after a word under twenty counts its hundreds without saying so
    (`two-fifty-six` → 256, `one-fifty` → 150, `eighteen fifty` → 1850, `five-twelve` → 512), and
    digits said one by one with hyphens are read as written (`two-five-six` → 256); `half a dozen` → 6."""
    said = re.findall(r"[a-z]+", words.casefold())
    if said[:1] == ["half"]:  # "half a dozen", "half a thousand"
        return spelt_number(" ".join(said[1:])) // 2
    if said[-4:-1] == ["and", "a", "half"] and said[-1] in _SCALE:  # "two and a half thousand"
        return int((spelt_number(" ".join(said[:-4])) + 0.5) * _SCALE[said[-1]])
    if len(said) >= 3 and "-" in words and all(w in _SMALL and _SMALL[w] < 10 for w in said):
        return int("".join(str(_SMALL[w]) for w in said))  # "two-five-six": digits one by one
    total, current, last = 0, 0, ""
    for w in said:
        said_after = w in _TENS or (_SMALL.get(w, 0) >= 10 and _SMALL.get(last, 0) < 10)
        # "two fifty", "eighteen-fifty", "five-twelve": the hundreds unsaid
        if said_after and _SMALL.get(last, 0) > 0 and current % 100 == _SMALL[last]:
            current = current * 100 + _TENS.get(w, 0) + _SMALL.get(w, 0)
        elif w in _SMALL or w in _TENS:
            current += _SMALL.get(w, 0) + _TENS.get(w, 0)
        elif w in ("hundred", "dozen"):
            current = max(current, 1) * _SCALE[w]
        elif w == "thousand":
            total, current = total + max(current, 1) * 1000, 0
        last = w
    return total + current


def cpus(text: str) -> Iterator[Match]:
    """CPU counts: `64 vCPU`, and with the number in words (`sixty-four vCPUs`, `Thirty-two vCores`)."""
    lower = text.lower()
    if "cpu" not in lower and "core" not in lower and "c/" not in lower and "c /" not in lower:
        return  # every CPU word has one of them, a compact pair's `c` its slash
    found = [Match(m.start(), m.end(), m.group(0), canon(m.group("num"))) for m in CPU.finditer(text)]
    found += [
        Match(m.start(), m.end(), m.group(0), str(spelt_number(m.group("words"))))
        for m in _CPU_SPELT.finditer(text)
    ]
    if "socket" in lower or "processor" in lower or "cpus" in lower:  # `2 sockets × 16 cores`
        found = [_per_socket(text, m) for m in found]
    yield from sorted(found, key=lambda m: m.start)


def _per_socket(text: str, m: Match) -> Match:
    adjective = sockets.adjective_cores(text, m.start, m.end, m.value)  # "two 24-core Xeon processors"
    if adjective is not None:
        return Match(adjective[0], adjective[1], text[adjective[0] : adjective[1]], adjective[2])
    widened = sockets.per_socket(text, m.start, m.value)
    if not widened:
        return m
    end = sockets.said_per_socket(text, m.end)  # `… × 8 cores per socket`: the socket's words too
    return Match(widened[0], end, text[widened[0] : end], widened[1])


def instances(text: str) -> Iterator[Match]:
    """Instance types with their count (`3× n2-highmem-16`, `a single n2-standard-32`, `m6i.4xlarge x 2`).
    A bracket right after a type that names the same type again (`4 units of m6i.4xlarge
    [m6i.4xlarge × 4台]`, a translation or a restatement) is that mention, not a second machine: one
    match, with the count either of them gives."""
    return iter(_all_instances(text, OWN_TYPES.get(), SHORT_TYPES.get()))


@per_document  # a text's machines are asked for by several readings and end passes
def _all_instances(text: str, own: frozenset[str], short: frozenset[str]) -> tuple[Match, ...]:
    """`instances(text)` under the document's own and short types (which `_instances` reads)."""
    found = list(_instances(text))
    for k in range(len(found) - 1, 0, -1):
        a, b = found[k - 1], found[k]
        if a.value.split(" × ", 1)[1] == b.value.split(" × ", 1)[1] and _RESTATED.fullmatch(
            text, a.end, b.start
        ):
            count = a.value if not a.value.startswith("1 × ") else b.value
            found[k - 1 : k + 1] = [Match(a.start, b.end, text[a.start : b.end], count)]
    return tuple(found)


_ITALICISED_AZURE = re.compile(r"Standard([A-Z]\d+[a-z]*?)(v\d+)")


def _written_out(kind: str) -> str:
    """An Azure size written without its underscores (`StandardE16sv5`) as Azure names it; a known AWS
    type written short (`m6i.4xl`) as AWS names it (`m6i.4xlarge`)."""
    m = _ITALICISED_AZURE.fullmatch(kind)
    if m:
        return f"Standard_{m.group(1)}_{m.group(2)}"
    if kind[-2:].lower() == "xl" and kind.lower() in SHORT_TYPES.get():
        return kind.lower() + "arge"
    return kind


def bare(m: Match) -> bool:
    """An instance match written without any count (`m6i.4xlarge`, `m6i.4xl`; not `3 × …`, `an …`)."""
    return m.value == f"1 × {_written_out(m.text)}"


_RESTATED = re.compile(r"\s*[(\[（【]\s*")  # what stands between a type and its bracketed restatement


def _instances(text: str) -> Iterator[Match]:
    for m in INSTANCE_TYPE.finditer(text):
        start, end, count = m.start(), m.end(), 1
        before = _COUNT_BEFORE.search(text[max(0, start - 24) : start])
        if before:
            start -= len(before.group(0))
            count = _count_before(before)
        else:
            after = _COUNT_AFTER.match(text[end : end + 20])
            if after:
                count = int(after.group("n") or after.group("m"))
                end += len(after.group(0))
        yield Match(start, end, text[start:end], f"{count} × {_written_out(m.group(0))}")


def _count_before(m: re.Match[str]) -> int:
    if m.group("n") or m.group("p") or m.group("o") or m.group("d"):
        return int(m.group("n") or m.group("p") or m.group("o") or m.group("d"))
    if m.group("wo"):
        return NUMBER_WORDS[m.group("wo").lower()]
    if m.group("g"):
        return GROUP_WORDS[m.group("g").lower()]
    return NUMBER_WORDS[m.group("w").lower()]


_FOOTNOTE = quick(r"(?:\[\^?\d{1,3}\])+$")


def urls(text: str) -> Iterator[Match]:
    for m in URL.finditer(text):
        url = _FOOTNOTE.sub("", m.group(0).rstrip(".:!?")).rstrip(".:!?")  # "…co.uk[3]": a footnote mark
        yield Match(m.start(), m.start() + len(url), url, url)


def dates(text: str, year: str = "") -> Iterator[Match]:
    """Dates written with a year; with `year` (the context's), also a day and month without one. A
    year the text itself names on its own ("started 3rd August, signed off 28th August (both 2026)",
    "built 08/09 → 19/09 (2026)") is the year of its days and months, whatever the context's."""
    return iter(_all_dates(text, year, NUMERIC_ORDER.get()))


@per_document  # a sentence's dates are asked for by several of its readings in turn
def _all_dates(text: str, year: str, order: str) -> tuple[Match, ...]:
    """`dates(text, year)` under the document's numeric `order` (which `_numeric_dates` reads)."""
    if DIGIT.search(text) is None:  # (half the texts asked: no full date, each has its year's digits, no
        # year of its own; only a day and month in words, "the third of August", with its month's capital)
        if not year or not any(month in text for month in _MONTH_CAPITALS):
            return ()
        return tuple(_day_months(text, year))  # (`DAY_MONTH`'s matches alone: in order)
    full = _full_dates(text, order)
    year = _own_year(text, full) or year
    if year:
        return tuple(sorted((*full, *_day_months(text, year)), key=lambda m: m.start))
    return full


@per_document  # (a text is asked for its dates under its own part's year and under another's)
def _full_dates(text: str, order: str) -> tuple[Match, ...]:
    """The dates `text` writes in full (`_dates`), under the document's numeric `order`."""
    return tuple(_dates(text))


def _own_year(text: str, full: tuple[Match, ...]) -> str:
    """The one year a text names on its own (outside its full dates, not after a name as in "Server
    2022"), when it also writes a day and month without a year; else ""."""
    if not _FOUR_DIGITS.search(text):
        return ""
    years = {
        m.group(1)
        for m in _LONE_YEAR.finditer(text)
        if not any(d.start <= m.start() < d.end for d in full) and not _named_year(text, m.start(1))
    }
    if len(years) != 1 or not (
        (_MONTH_CAPITAL.search(text) and DAY_MONTH.search(text))
        or _NUMERIC_DAY_MONTH.search(text)
        or _SHORT_DAY_MONTH.search(text)
        or _DOTTED_DAY_MONTH.search(text)
    ):
        return ""
    return years.pop()


_RANGE_JOIN = r"\s*(?:–|—|-|→|->|⟶|⇒|to|until|till|through|thru|and)\s*"
_RANGE_HEAD = re.compile(  # "2 March – " or "2–" before a full date: the start of a range
    rf"(?<![\w.,/-])(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?P<m>{_MONTH}))?{_RANGE_JOIN}$",
    re.IGNORECASE,
)


def ranges(text: str, year: str = "", found: list[Match] | None = None) -> Iterator[tuple[Match, Match]]:
    """Date ranges: `2026-03-02 to 2026-03-20`, `2 March – 17 April 2026`, `between 2 and 20 March
    2026` (the first date takes the month and year it leaves out from the second). `found`: the
    text's `dates(text, year)` when the caller has them already."""
    found = list(dates(text, year)) if found is None else found
    for i, end in enumerate(found):
        if i and _joined(text, found[i - 1], end):
            yield found[i - 1], end
            continue
        head = _RANGE_HEAD.search(text, max(0, end.start - 24), end.start)
        if head is None or (i and found[i - 1].end > head.start()):
            continue
        last = dt.date.fromisoformat(end.value)
        try:
            month = _MONTHS[_month(head.group("m"))] if head.group("m") else last.month
            first = dt.date(last.year, month, int(head.group("d")))
        except (ValueError, KeyError):
            continue
        if first > last:
            first = first.replace(year=first.year - 1)
        written = re.sub(_RANGE_JOIN + "$", "", head.group(0))
        yield Match(head.start(), head.start() + len(written), written, first.isoformat()), end


_ROLE_JOIN = re.compile(rf"\s*\([^()]{{1,80}}\){_RANGE_JOIN}", re.IGNORECASE)  # "(first run) and "
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)
# the first date's own clause telling what happened that day, between commas: "between 6 April 2026,
# when the servers were racked, and 29 May 2026" (only after "between")
_WHEN_JOIN = re.compile(r",\s+(?:when|as|the\s+day)\s+[^,;()]{1,160},\s+and\s+(?:on\s+)?", re.IGNORECASE)
_ONLY_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.IGNORECASE)


def _joined(text: str, first: Match, last: Match) -> bool:
    """Two dates written as one range: joined by a dash, an arrow, "to", "and" …, the first perhaps
    followed by the bracketed event it dates ("between 14 Sep 2026 (first run) and 2 Oct 2026"); a
    bracket before "and" joins only after "between" or "from", and a clause of the first date's own
    between commas ("between 6 April, when …, and 29 May") only after "between"."""
    gap = text[first.end : last.start]
    if re.fullmatch(_RANGE_JOIN, gap):
        return True
    if _WHEN_JOIN.fullmatch(gap):
        return bool(_ONLY_BETWEEN.search(text, 0, first.start))
    m = _ROLE_JOIN.fullmatch(gap)
    if m is None:
        return False
    joint = gap[gap.rindex(")") + 1 :].strip().casefold()
    return joint != "and" or bool(_BETWEEN.search(text, 0, first.start))


# A numeric day and month without a year, both written with two digits (`08/09`, `19/09`), read in
# the document's order of numeric dates; `24/7` is no date, nor is a chat post's stamp `17/10 08:15`.
_NUMERIC_DAY_MONTH = opened(re.compile(r"(?<![\w./-])(\d\d)/(\d\d)(?![\w/-]|\.\d|\s+\d{1,2}:\d\d)"))
# The same with a one-digit part (`3/2`, `2/17`, `10/5`), as quick notes write it: read only when the
# document's order is clear from its other numeric dates (a day over 12 somewhere, never both ways),
# so a lone `3/4` or `1/2` stays a fraction; `4/4/8` (min/desired/max) and `2x24c` are no dates.
_SHORT_DAY_MONTH = opened(
    re.compile(
        r"(?<![\w./-])(?=\d/|\d\d/\d(?!\d))(\d{1,2})/(\d{1,2})(?![\w/%-]|\.\d|\s+\d{1,2}:\d\d|\s*of\b)"
    )
)


def _day_month(a: int, b: int, order: str, day_first: bool = False) -> tuple[int, int] | None:
    """(day, month) of two numbers written `a/b`: the order when one cannot be a month, else the
    document's own order (`order`), else None (ambiguous)."""
    if day_first or a > 12 or (b <= 12 and order == "day"):
        return a, b
    if b > 12 or order == "month":
        return b, a
    return None


def _numeric_day_months(text: str, year: str) -> Iterator[Match]:
    order = NUMERIC_ORDER.get()
    found = [*_NUMERIC_DAY_MONTH.finditer(text), *(_SHORT_DAY_MONTH.finditer(text) if order else ())]
    for m in sorted(found, key=lambda m: m.start()):
        if m.group(0) == "24/7":
            continue  # round the clock, no day (it still leaves the document's order unclear)
        pair = _day_month(int(m.group(1)), int(m.group(2)), order)
        if pair is None:
            continue
        try:
            yield Match(m.start(), m.end(), m.group(0), dt.date(int(year), pair[1], pair[0]).isoformat())
        except ValueError:
            continue


# A day and month with a dot after each and no year (`16.06.`, `2.6.`), as German, Swiss and Scandinavian
# writers date a day: always day first; read only where a day opens (after a weekday, a preposition, a
# dash or bracket, or opening the text), so a version closing a sentence ("upgraded to GitLab 17.4.")
# is none.
_DOTTED_DAY_MONTH = opened(re.compile(r"(?<![\w./-])(\d{1,2})\.(\d{1,2})\.(?![\w.])"))
_DAY_OPENS = re.compile(  # what a day may follow: a weekday, a preposition, a dash or bracket, a range's
    # first day and its "to" (not "upgraded to 16.11."), nothing
    r"(?:^|[(\[–—-]|\d\.\s*(?:to|until|till|bis)|\b(?:on|from|since|by|before|after|am|vom|ab|zum|den|le|du|au|el|"
    r"mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|\w+day)\.?,?)\s*$",
    re.IGNORECASE,
)


def _dotted_day_months(text: str, year: str) -> Iterator[Match]:
    for m in _DOTTED_DAY_MONTH.finditer(text):
        if not _DAY_OPENS.search(text, max(0, m.start() - 12), m.start()):
            continue  # "upgraded to GitLab 17.4.": a version closing its sentence
        try:
            day = dt.date(int(year), int(m.group(2)), int(m.group(1)))
        except ValueError:
            continue
        yield Match(m.start(), m.end(), m.group(0), day.isoformat())


def _day_months(text: str, year: str) -> Iterator[Match]:
    if "/" in text:
        yield from _numeric_day_months(text, year)
    if "." in text:
        yield from _dotted_day_months(text, year)
    for m in DAY_MONTH.finditer(text) if _MONTH_CAPITAL.search(text) else ():
        d, mon = (m.group("d1"), m.group("m1")) if m.group("d1") else (m.group("d2"), m.group("m2"))
        if m.group("w3") or m.group("w4"):
            d, mon = (
                (str(_ordinal_day(m.group("w3"))), m.group("m3"))
                if m.group("w3")
                else (str(_ordinal_day(m.group("w4"))), m.group("m4"))
            )
        try:
            day = dt.date(int(year), _MONTHS[_month(mon)], int(d))
        except (ValueError, KeyError):
            continue
        yield Match(m.start(), m.end(), m.group(0), day.isoformat())


def _ordinal_day(words: str) -> int:
    """`third` → 3, `twenty-first` → 21."""
    parts = re.findall(r"[a-z]+", words.casefold())
    tens = {"twenty": 20, "thirty": 30}.get(parts[0], 0)
    return tens + ORDINAL_DAY.get(parts[-1], 0) if tens and len(parts) > 1 else ORDINAL_DAY.get(parts[0], 0)


_ORDINAL_DATE = quick(rf"\b{_ORDINAL}\s+of\s+{_MONTH_NAME}|\b{_MONTH_NAME}\s+(?:the\s+)?{_ORDINAL}(?![\w-])")


def ordinal_date(text: str) -> bool:
    """Whether a text may date something with a day in words ("the third of August", "March ninth")."""
    return bool(_ORDINAL_DATE.search(text))


def document_year(text: str) -> str:
    """The one year of every date a document writes in full, else "": the year of its "8 September".
    A document with no full date may name its year once, on its own ("All dates are in 2026",
    "built 08/09 → 19/09 (2026)"): a year after a name ("Server 2022") is a product's, not it."""
    years = {m.value[:4] for m in _dates(text)}
    if not years:
        years = {m.group(1) for m in _LONE_YEAR.finditer(text) if not _named_year(text, m.start(1))}
    if len(years) > 1 and "20" in text:  # the year the writer declares for every date ("2026 throughout")
        declared = {m.group(1) or m.group(2) for m in _DECLARED_YEAR.finditer(text)}
        years &= declared or _order_line_year(text)
    return years.pop() if len(years) == 1 else ""


def _order_line_year(text: str) -> set[str]:
    """The one year of the line where a note declares its dates' order ("tomasz · build mar 2026 ·
    dates m/d"): the year of its dates; else none."""
    for m in _FORMAT.finditer(text) if "/" in text else ():
        if "date" in m.group(0).lower():  # (a note's declaration, not a form's `MM/DD/YYYY`)
            line = text[
                text.rfind("\n", 0, m.start()) + 1 : (text.find("\n", m.end()) + 1 or len(text) + 1) - 1
            ]
            found = {y for y in _LONE_YEAR.findall(line)}
            return found if len(found) == 1 else set()
    return set()


# a year declared for the whole document's dates: "all dates 2026", "(2026 throughout)", "year = 2026",
# "dates are in 2026", "every date below is 2026"; a growth line's "in 2027" declares nothing
_DECLARED_YEAR = re.compile(
    r"\b(?:(?:all|every|each)\s+(?:the\s+)?dates?\s+(?:(?:below|here|above)\s+)?(?:(?:are|is)\s+)?(?:in\s+)?"
    r"|year\s*[=:]\s*|the\s+year\s+is\s+)((?:19|20)\d\d)\b(?![./-]\d)"
    r"|(?:\ball\s+|(?<![\w./-]))((?:19|20)\d\d)(?:\s+(?:throughout|everywhere)\b|(?<=\ball\s\d{4})\s*(?:[.;)\n]|$))",
    re.IGNORECASE,
)


_LONE_YEAR = quick(r"(?<![\w./-])((?:19|20)\d\d)(?![\w/-]|\.\d)")
_NAME_BEFORE = re.compile(r"([A-Z][\w.-]*)\s+$")


def _named_year(text: str, at: int) -> bool:
    """A year written after a capitalised name that is no month ("Windows Server 2019", "FY 2026")."""
    m = _NAME_BEFORE.search(text, max(0, at - 30), at)
    if m is None or _month(m.group(1)) in _MONTHS:
        return False
    opening = not text[: m.start(1)].strip() or text[: m.start(1)].rstrip()[-1] in ".!?:;\n"
    return not opening or m.group(1).isupper()  # "In 2026 the cluster …": capitalised as the sentence opens


def year_of(text: str) -> str:
    """The one year a heading names ("Timeline (2026)"), else ""."""
    years = set(YEAR.findall(text))
    return years.pop() if len(years) == 1 else ""


_NUMERIC_DATE = opened(  # `17/04/2026`, `17.04.2026`, `2026/04/17`, `7/13/26` as schedulers print it,
    # and `24.09.26` as German and Czech notes write it (a year of 2015-2039 only: `6.8.12` is a version);
    # (`opened`: tried only where a digit opens, the same matches)
    re.compile(
        r"(?<![\w./-])(?:(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})"
        r"(?:(?P=sep)(?P<y>(?:19|20)\d\d)|(?P=sep)(?<=[/.])(?P<yy>\d\d))"
        r"|(?P<y2>\d{4})/(?P<m2>\d{1,2})/(?P<d2>\d{1,2}))(?![\w/-]|\.\w)"
    )
)


# The order a document writes its numeric dates in ("day" when its clear ones are all `17/04/2026`,
# "month" when all `04/17/2026`), set while one document is read: its `03/07/2026` is read that way.
NUMERIC_ORDER: contextvars.ContextVar[str] = contextvars.ContextVar("numeric_order", default="")


def numeric_order(text: str) -> str:
    """ "day" or "month" when every numeric date of a text whose order is clear has that order."""
    orders = set()
    for m in _numeric_date_matches(text):
        if m.group("a") and m.group("sep") != ".":
            a, b = int(m.group("a")), int(m.group("b"))
            orders.add("day" if a > 12 else "month" if b > 12 else "")
    slashed = _DIGIT_SLASH.search(text) is not None  # (in every match of the two patterns below)
    for m in _NUMERIC_DAY_MONTH.finditer(text) if slashed else ():  # `19/09` with no year
        a, b = int(m.group(1)), int(m.group(2))
        orders.add("day" if a > 12 else "month" if b > 12 else "")
    # `2/17`, `17/2` (a fraction or count has no part over 12)
    for m in _SHORT_DAY_MONTH.finditer(text) if slashed else ():
        a, b = int(m.group(1)), int(m.group(2))
        if 1 <= min(a, b) <= 12 and max(a, b) <= 31:
            orders.add("day" if a > 12 else "month" if b > 12 else "")
    for m in _FORMAT.finditer(text) if "/" in text or "-" in text or "." in text else ():
        orders.add(
            "day" if m.group(1) or m.group(2) or m.group(3) else "month"
        )  # a form's `Date (MM/DD/YYYY)`
    orders.discard("")
    return orders.pop() if len(orders) == 1 else ""


_FORMAT = quick(  # (no "yy": no format, unless a note declares its dates' order: "dates m/d", "d/m dates")
    r"\b(?:(dd?[/.-]mm?)|mm?[/.-]dd?)[/.-](?:yyyy|yy)\b"
    r"|\bdates?\s*(?:[:=]\s*|(?:are|in|as)\s+)?(?:(dd?/mm?)|mm?/dd?)\b(?!/)"
    r"|(?<![\w/])(?:(dd?/mm?)|mm?/dd?)\s+dates\b",
    re.IGNORECASE,
)
# a digit, a slash and a digit, as every `_NUMERIC_DAY_MONTH` and `_SHORT_DAY_MONTH` match holds: written
# slash first, which `re` finds by its literal (a document's whole text in about a microsecond)
_DIGIT_SLASH = re.compile(r"/(?<=\d/)(?=\d)")

_last_numeric: tuple[str, tuple[re.Match[str], ...]] = ("", ())  # (text, its `_NUMERIC_DATE` matches)


def _numeric_date_matches(text: str) -> tuple[re.Match[str], ...]:
    """`_NUMERIC_DATE`'s matches in `text`, found once for the text asked last: the document's year
    and its numeric order each read the whole text's."""
    global _last_numeric
    last = _last_numeric  # (one read of a tuple: safe when threads share it)
    if last[0] is text:
        return last[1]
    found = tuple(_NUMERIC_DATE.finditer(text) if len(text) < _LONG_TEXT else _long_text_numeric_dates(text))
    _last_numeric = (text, found)
    return found


# a separator between two digits, as every `_NUMERIC_DATE` match holds (opening with the separator:
# `re` finds it sooner so)
_SEPARATED = re.compile(r"[./-](?<=\d.)(?=\d)")


def _long_text_numeric_dates(text: str) -> Iterator[re.Match[str]]:
    """`_NUMERIC_DATE.finditer(text)`, tried only where a match can start: every match holds a
    separator between two digits (`17/04`, `2026/04`) one, two or four characters after its start
    (its day or month, or its year). Those places, tried in order from where the last match ended,
    give the matches `finditer` gives (as `_long_text_dates`)."""
    starts = {at for m in _SEPARATED.finditer(text) for at in (m.start() - 1, m.start() - 2, m.start() - 4)}
    end = 0
    for at in sorted(starts):
        if at < end or at < 0:
            continue
        m = _NUMERIC_DATE.match(text, at)
        if m is not None:
            yield m
            end = m.end()


def _numeric_dates(text: str) -> Iterator[Match]:
    """`17/04/2026`, `04/17/2026` (the order only when one number cannot be a month, or the document's
    clear dates all have one order), `17.04.2026` (day first), `2026/04/17`; else `03/04/2026` is
    ambiguous and not read."""
    order = NUMERIC_ORDER.get()
    for m in _numeric_date_matches(text):
        if m.group("y2"):
            y, mon, d = int(m.group("y2")), int(m.group("m2")), int(m.group("d2"))
        else:
            y = int(m.group("y") or 2000 + int(m.group("yy")))
            if m.group("sep") == "." and not m.group("y") and not 2015 <= y <= 2039:
                continue
            pair = _day_month(int(m.group("a")), int(m.group("b")), order, day_first=m.group("sep") == ".")
            if pair is None:
                continue
            d, mon = pair
        try:
            yield Match(m.start(), m.end(), m.group(0), dt.date(y, mon, d).isoformat())
        except ValueError:
            continue


_DIGIT_SEPARATOR = re.compile(r"\d[./-]\d")  # in every numeric date


# a day, a month's name and a two-digit year: `20/Feb/26` (a tracker's export), `06-Jul-26` (a
# spreadsheet's), `2 Mar '26` (an apostrophe for the century); a year of 2015-2039 only
_SHORT_YEAR = re.compile(
    rf"(?<![\w./-])(?P<d>\d{{1,2}})(?:(?P<sep>[-/])(?P<m>{_MONTH_NAME})(?P=sep)|\s+(?P<m2>{_MONTH_NAME})\s+['’])"
    r"(?P<y>\d\d)(?![\w/-]|\.\d)"
)
_SHORT_YEAR_SIGN = re.compile(r"[-/][A-Za-z]{3}[-/]\d\d")  # `20/Feb/26`, `06-Jul-26`
_APOSTROPHE_YEAR = re.compile(r"\s['’]\d\d")  # `2 Mar '26`


def _short_year_sign(text: str) -> bool:
    """Whether `text` may write a date with a two-digit year (every `_SHORT_YEAR` match holds one of
    the two signs): each sign searched alone, the apostrophe's only where there is one (one pattern
    for both tried the apostrophe's branch at every space)."""
    if _SHORT_YEAR_SIGN.search(text) is not None:
        return True
    return ("'" in text or "’" in text) and _APOSTROPHE_YEAR.search(text) is not None


def _short_year_dates(text: str) -> Iterator[Match]:
    for m in _SHORT_YEAR.finditer(text):
        y = 2000 + int(m.group("y"))
        if not 2015 <= y <= 2039:
            continue
        try:
            day = dt.date(y, _MONTHS[_month(m.group("m") or m.group("m2"))], int(m.group("d")))
        except (ValueError, KeyError):
            continue
        yield Match(m.start(), m.end(), m.group(0), day.isoformat())


def _dates(text: str) -> Iterator[Match]:
    if _short_year_sign(text):  # (rare: `20/Feb/26`, `2 Mar '26`)
        short = list(_short_year_dates(text))
        if short:
            yield from sorted((*short, *_dates_long(text)), key=lambda m: m.start)
            return
    yield from _dates_long(text)


def _dates_long(text: str) -> Iterator[Match]:
    if ("/" in text or "." in text or "-" in text) and _DIGIT_SEPARATOR.search(text):
        numeric = list(_numeric_dates(text))
        if numeric:
            yield from sorted((*_worded_dates(text), *numeric), key=lambda m: m.start)
            return
    yield from _worded_dates(text)


_FOUR_DIGITS = re.compile(r"\d{4}")  # every DATE has a year


def _worded_dates(text: str) -> Iterator[Match]:
    if not _FOUR_DIGITS.search(text):
        return
    for m in DATE.finditer(text) if len(text) < _LONG_TEXT else _long_text_dates(text):
        try:
            if m.group("iso") or m.group("iso2"):
                day = dt.date.fromisoformat(m.group("iso") or m.group("iso2"))
            else:
                d, mon, y = (m.group("d1"), m.group("m1") or m.group("m3"), m.group("y1")) if m.group(
                    "d1") else (m.group("d2"), m.group("m2"), m.group("y2"))  # fmt: skip
                day = dt.date(int(y), _MONTHS[_month(mon)], int(d))
        except (ValueError, KeyError):
            continue
        yield Match(m.start(), m.end(), m.group(0), day.isoformat())


# A text this long (a document's) has its worded dates looked for at their years (`_long_text_dates`).
_LONG_TEXT = 600
# a word of four digits, a date's year: `\b\d{4}\b` opening with its digit (`re` finds it sooner so)
_YEAR_RUN = re.compile(r"\d(?<!\w\d)\d{3}\b")


def _long_text_dates(text: str) -> Iterator[re.Match[str]]:
    """`DATE.finditer(text)`, `DATE` tried only where a match can start. Every match holds its year
    as a word of its own, four digits (`\\d{4}`: after white space or a dash, before a word's end or
    the ISO date's dash), and starts at a word (`\\b`, then a digit or a letter): that year's own, or
    one of the three before it (a day, "of", a month: `12th of October 2026`; `Oct 12, 2026`;
    `12-Oct-2026`). Those words' starts, tried in order from where the last match ended, give the
    matches `finditer` gives (it tries every place, and a place no match can start at gives none)."""
    starts: set[int] = set()
    for year in _YEAR_RUN.finditer(text):
        at = year.start()
        starts.add(at)
        for _ in range(3):
            at = _word_before(text, at)
            if at < 0:
                break
            starts.add(at)
    end = 0
    for at in sorted(starts):
        if at < end:
            continue
        m = DATE.match(text, at)
        if m is not None:
            yield m
            end = m.end()


def _word_before(text: str, at: int) -> int:
    """The start of the last word (a run of `\\w`: letters, digits, `_`) ending before `at`, or -1."""
    i = at - 1
    while i >= 0 and not (text[i].isalnum() or text[i] == "_"):
        i -= 1
    if i < 0:
        return -1
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


def _month(name: str) -> str:
    key = name.lower().rstrip(".")
    return key if key in _MONTHS else key[:3]


# a size's unit between a number and a noun makes it a size of that thing ("1.2 TB repo data"), no count
_NO_SIZE = r"(?!(?:[kmgtp]i?b|[kmgt]|bytes?|(?:kilo|mega|giga|tera|peta)bytes?)\s)"


@functools.lru_cache(maxsize=16)
def _counted(nouns: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w.,])(?<![A-Za-z]-)(?P<num>{NUMBER})(?P<k>k)?\s+(?:{_NO_SIZE}[\w-]+\s+)?"
        rf"(?P<noun>{nouns})\b",
        re.IGNORECASE,  # (a number glued to a letter prefix, `Q-3 Repository ceiling`, is a reference)
    )


def counted(text: str, nouns: str) -> Iterator[tuple[Match, str]]:
    """Numbers followed by one of `nouns` (a regex alternation): `2,600 repositories` → (match, noun);
    also written as words (`twelve hundred repositories`, `a dozen repos`)."""
    found: list[tuple[Match, str]] = []
    if not _noun(nouns).search(text):
        return  # both patterns end with one of the nouns
    if DIGIT.search(text):
        for m in _counted(nouns).finditer(text):
            match = Match(m.start(), m.end(), m.group(0), thousands(m.group("num"), m.group("k")))
            found.append((match, m.group("noun").lower()))
    if SPELT.search(text):
        for m in _counted_words(nouns).finditer(text):
            match = Match(m.start(), m.end(), m.group(0), str(spelt_number(m.group("words"))))
            found.append((match, m.group("noun").lower()))
    yield from sorted(found, key=lambda p: p[0].start)


@functools.lru_cache(maxsize=16)
def _noun(nouns: str) -> re.Pattern[str]:
    return quick(rf"(?:{nouns})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def _counted_words(nouns: str) -> re.Pattern[str]:
    return re.compile(rf"(?P<words>{SPELT.pattern})\s+(?:[\w-]+\s+)?(?P<noun>{nouns})\b", re.IGNORECASE)


def thousands(number_text: str, k: str | None) -> str:
    """A written count, `2.4` with a `k` after it being 2,400; `3.200` (dots grouping thousands, as
    German and French write them) is 3,200: a count of repositories or users has no fraction."""
    if not k and _DOT_GROUPED.fullmatch(number_text):
        return number_text.replace(".", "")
    value = canon(number_text)
    if not k:
        return value
    n = float(value) * 1000
    return str(int(n)) if n.is_integer() else str(n)


_COUNT = re.compile(rf"(?P<num>{NUMBER})(?:\s*(?P<k>k)\b)?", re.IGNORECASE)


def leading_count(text: str) -> str | None:
    """The first number in a value, a `k` after it counting thousands (`~2.4k` → `2400`), or None."""
    m = _COUNT.search(text)
    return thousands(m.group("num"), m.group("k")) if m else None


def leading_number(text: str) -> str | None:
    """The first number in a value (`about 3,000.` → `3000`), or None."""
    m = _NUM.search(text)
    return canon(m.group(0)) if m else None


def looks_like_fact(text: str) -> bool:
    """A size, a CPU count, an instance type, a URL (`https://code.example.com`, no digit needed) or a
    date: something a TDD states about a deployment."""
    if ("://" in text and URL.search(text)) or _HOST_ADDRESS.search(text):
        return True
    return bool(DIGIT.search(text)) and bool(
        SIZE.search(text)
        or CPU.search(text)
        or INSTANCE_TYPE.search(text)
        or (_FOUR_DIGITS.search(text) and DATE.search(text))  # (every DATE has a year)
        or _SHAPE_WRITTEN.search(text)
        or ("=" in text and _ASSIGNED.search(text))
    )


# What else looks like a deployment fact, for the unplaced lines only: a code host's address
# (`gitlab.acme.local`, `tfs.acme.local/DefaultCollection`), any instance shape (`db.r6i.xlarge`),
# an inventory's assignment (`vcpus=32 mem_gib=128`).
_HOST_ADDRESS = quick(r"\b(?:github|gitlab|bitbucket|gerrit|perforce|tfs)[\w-]*(?:\.[\w-]+)+", re.I)
_SHAPE_WRITTEN = quick(r"\b[a-z]{1,3}\d[a-z0-9-]*\.(?:\d*x?large|medium|small|micro|nano|metal)\b")
_ASSIGNED = re.compile(r"\b(?:v?cpus?|cores|mem\w*|\w*disk\w*)\s*=\s*\d", re.I)
