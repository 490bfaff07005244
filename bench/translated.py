"""The `translated` style probe of `make eval-styles`: a document's visible text rewritten into
another language, as a customer's engineer who writes in German, French, Spanish, Portuguese,
Italian, Dutch or Swedish would write it.

The language is chosen by the document's own text (`_pick`), and so is, for each phrase, which of
a language's usual wordings the writer uses (one writer keeps to one wording). The glossary
(bench/glossary.txt) was written as a translator writes (whole labels and phrases first, then
single words, then the connecting words of sentences), from the corpus's English, not from the
reader's vocabulary.
Month names and the date order change with the language; so does number notation (`1.870` and
`2,4` in most of the continent, `1 870` with a narrow no-break space in French and Swedish) and,
in French, the units of size (`Go`, `To`). Tags, URLs, host names, e-mail addresses, instance
types, versions and product names (GitHub Enterprise Server, Bitbucket Data Center, Docker
Compose …) stay as they are.

The result is a machine's translation, word order mostly English, but every word a reader needs
is in the other language: a reader that understands only English reads little of it.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from pathlib import Path

LANGUAGES = ("de", "fr", "es", "pt", "it", "nl", "sv")

GLOSSARY = Path(__file__).with_name("glossary.txt")

MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
}
MONTH_ABBREVIATIONS = {
    "de": "Jan Feb Mär Apr Mai Jun Jul Aug Sep Okt Nov Dez",
    "fr": "janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.",
    "es": "ene feb mar abr may jun jul ago sep oct nov dic",
    "pt": "jan fev mar abr mai jun jul ago set out nov dez",
    "it": "gen feb mar apr mag giu lug ago set ott nov dic",
    "nl": "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "sv": "jan feb mar apr maj jun jul aug sep okt nov dec",
}
ENGLISH_MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
# how a day, a month and a year are written together (`{d}` day, `{m}` month name, `{y}` year)
DATE_FORMS = {
    "de": ("{d}. {m} {y}", "{m} {y}"),
    "fr": ("{d} {m} {y}", "{m} {y}"),
    "es": ("{d} de {m} de {y}", "{m} de {y}"),
    "pt": ("{d} de {m} de {y}", "{m} de {y}"),
    "it": ("{d} {m} {y}", "{m} {y}"),
    "nl": ("{d} {m} {y}", "{m} {y}"),
    "sv": ("{d} {m} {y}", "{m} {y}"),
}
# thousands mark and decimal mark by language
NOTATION = {
    "de": (".", ","),
    "fr": ("\u202f", ","),
    "es": (".", ","),
    "pt": (".", ","),
    "it": (".", ","),
    "nl": (".", ","),
    "sv": ("\u00a0", ","),
}
FRENCH_UNITS = {"GB": "Go", "TB": "To", "MB": "Mo", "GiB": "Gio", "TiB": "Tio", "MiB": "Mio"}

# names kept as written: products, clouds, code hosts, tools (their words are not translated)
KEPT = (
    "GitHub Enterprise Server", "GitHub Enterprise Cloud", "GitHub Enterprise", "GitLab Self-Managed",
    "GitLab Dedicated", "Bitbucket Data Center", "Bitbucket Server", "Bitbucket Cloud",
    "Azure DevOps Server", "Azure DevOps Services", "Azure DevOps", "Perforce Helix Core", "Helix Core",
    "AWS CodeCommit", "Docker Compose", "Helm chart", "Google Cloud", "Google Kubernetes Engine",
    "Amazon Web Services", "Amazon EKS", "Azure Kubernetes Service", "Compute Engine", "Red Hat OpenShift",
    "Premium SSD", "Persistent Disk", "Code Insights", "Batch Changes", "Sourcegraph", "Technical Advisor",
    "Single Sign-On", "Self-Managed",
)  # fmt: skip


def _entries() -> list[tuple[str, str, list[list[str]]]]:
    """(English phrase, context mark `~`/`@`/'', per language its alternatives), longest first."""
    out = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, rest = line.partition(" = ")
        mark = english[-1] if english[-1] in "~@" else ""
        words = [[w.strip() for w in part.split("|")] for part in rest.split(";")]
        assert len(words) == len(LANGUAGES), line
        out.append((english.rstrip("~@"), mark, words))
    return sorted(out, key=lambda e: (-len(e[0]), e[1] == ""))


ENTRIES = _entries()
_PROTECT = re.compile(
    "|".join(
        (
            r"&#?\w+;",  # entities
            r"\b[a-z][\w+.-]*://[^\s<>\"']+",  # URLs
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",  # e-mail addresses
            r"\b[\w-]*[A-Za-z_][\w-]*(?:\.[\w-]+)+",  # hosts, instance types, versions, files
            r"\b\w*_\w*\b",  # identifiers
            r"\b(?=[A-Za-z-]*\d)(?=\d*[A-Za-z])[A-Za-z\d]+(?:-[A-Za-z\d]+)+\b",  # n2-highmem-8, eu-west-1
            r"`[^`]*`",
            "|".join(re.escape(k) for k in sorted(KEPT, key=len, reverse=True)),
        )
    )
)
_MONTH = "|".join(ENGLISH_MONTHS)
_WORDED_DATE = re.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)? (?P<m>{_MONTH}),? (?P<y>20\d\d)\b"
    rf"|\b(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,? (?P<y2>20\d\d)\b"
    rf"|\b(?P<m3>{_MONTH}) (?P<y3>20\d\d)\b"
    rf"|\b(?P<m4>{_MONTH})\b(?!-)"
    r"|\b(?P<a>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b(?=[ -]?\d)"
)
_ISO = re.compile(r"\b20\d\d-\d\d-\d\d\b")
_SLOT = re.compile(r"\x01(\d+)\x02")
_NUMBER = re.compile(r"(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w,/-]|\.\d)")
_UNIT = re.compile(r"(?<=\d)(\s?)(GiB|TiB|MiB|GB|TB|MB)\b")


def _case(source: str, word: str) -> str:
    if len(source) > 1 and source.isupper() and source.isalpha():
        return word.upper()
    if source[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _matcher() -> re.Pattern[str]:
    parts = []
    for i, (english, mark, _) in enumerate(ENTRIES):
        after = {"~": r"(?=\s+[~≈]?\d)", "@": r"(?=\s+\x01\d+\x02\x04)", "": ""}[mark]
        phrase = r"\s+".join(re.escape(w) for w in english.split())
        parts.append(rf"(?P<e{i}>{phrase}){after}")
    return re.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w'’-])", re.I)


_GLOSSARY = _matcher()


class _Writer:
    """One document's translation: its language and, per phrase, the wording its writer uses."""

    def __init__(self, lang: str, seed: int, european_already: bool) -> None:
        self.lang, self.seed, self.keep_numbers = lang, seed, european_already
        self.index = LANGUAGES.index(lang)
        self.months = MONTHS[lang].split()
        self.abbreviations = MONTH_ABBREVIATIONS[lang].split()

    def choose(self, english: str, alternatives: list[str]) -> str:
        return alternatives[(self.seed + zlib.crc32(english.encode())) % len(alternatives)]

    def text(self, text: str) -> str:
        kept: list[str] = []

        def keep(value: str, kind: str = "") -> str:
            kept.append(value)
            return f"\x01{len(kept) - 1}\x02{kind}"

        text = _PROTECT.sub(lambda m: keep(m.group(0)), text)
        text = _ISO.sub(lambda m: keep(m.group(0), "\x04"), text)
        text = _WORDED_DATE.sub(lambda m: keep(self.date(m), "\x04" if m.group("m4") is None else ""), text)
        text = _GLOSSARY.sub(self.word, text)
        text = re.sub(r"(?<=\S)  +(?=\S)", " ", text)
        if self.lang == "fr":
            text = _UNIT.sub(
                lambda m: "\u00a0" + FRENCH_UNITS[m.group(2)] if m.group(1) else FRENCH_UNITS[m.group(2)],
                text,
            )
        if not self.keep_numbers:
            text = _NUMBER.sub(self.number, text)
        text = text.replace("\x04", "")
        while _SLOT.search(text):
            text = _SLOT.sub(lambda m: kept[int(m.group(1))], text)
        return text

    def word(self, m: re.Match[str]) -> str:
        i = int(str(m.lastgroup)[1:])
        english, _, words = ENTRIES[i]
        chosen = self.choose(english, words[self.index])
        return "" if chosen == "-" else _case(m.group(0), chosen)

    def date(self, m: re.Match[str]) -> str:
        if m.group("a"):
            month = ENGLISH_MONTHS.index(next(x for x in ENGLISH_MONTHS if x.startswith(m.group("a")[:3])))
            return (
                _case(m.group("a"), self.abbreviations[month])
                if self.lang == "de"
                else self.abbreviations[month]
            )
        name = m.group("m") or m.group("m2") or m.group("m3") or m.group("m4")
        spelled = self.months[ENGLISH_MONTHS.index(name)]
        day, year = m.group("d") or m.group("d2"), m.group("y") or m.group("y2") or m.group("y3")
        full, month_year = DATE_FORMS[self.lang]
        if day:
            return full.format(d=int(day), m=spelled, y=year)
        return month_year.format(m=spelled, y=year) if year else spelled

    def number(self, m: re.Match[str]) -> str:
        group, decimal = NOTATION[self.lang]
        whole, fraction = m.group(1).replace(",", ""), (m.group(2) or "")[1:]
        if "," in m.group(1):
            digits = whole
            whole = ""
            while len(digits) > 3:
                whole = group + digits[-3:] + whole
                digits = digits[:-3]
            whole = digits + whole
        return whole + (decimal + fraction if fraction else "")


_EUROPEAN = re.compile(r"(?<![\w.,])\d+,\d{1,2}(?![\d,])\s?(?:GB|TB|GiB|TiB|MB|Go|To|%)")
_BODY = re.compile(r"<body[^>]*>", re.I)
_TEXT = re.compile(r">([^<>]+)<")
_RAW = re.compile(r"<(pre|code)\b[^>]*>.*?</\1>", re.I | re.S)


def translate(html: str, pick: Callable[[str, int], int]) -> str:
    """The body's visible text in the language `pick` chooses for this document."""
    lang = LANGUAGES[pick(html, len(LANGUAGES))]
    writer = _Writer(lang, pick(html, 9973), bool(_EUROPEAN.search(html)))
    match = _BODY.search(html)
    start = match.end() - 1 if match else 0
    body, raw = html[start:], []

    def hide(m: re.Match[str]) -> str:
        raw.append(m.group(0))
        return f"<\x03{len(raw) - 1}>"

    body = _RAW.sub(hide, body)
    body = _TEXT.sub(lambda m: ">" + writer.text(m.group(1)) + "<", body)
    body = re.sub(r"<\x03(\d+)>", lambda m: raw[int(m.group(1))], body)
    return html[:start] + body
