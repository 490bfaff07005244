"""Code hosts and their repository counts, gathered: the per-host counts of an environment summed
into its repository count, or, when the document states a total too and the parts disagree with
it, the stated total kept with a warning naming both places; a stated total proven by the counts
before it; hosts a document's last word says are not connected left out; a host written by its
family name read as the one member named; the hosts of the counted repositories added; monorepos
named in passing counted; the size next to the largest repository's name.
Part of `read.gather.Gatherer` (`read.gatherparts`: the state it shares).
"""

from __future__ import annotations

import re
from dataclasses import replace

from handoff.core.model import Problem, Severity, TddValue
from handoff.read import hostledger, shapes
from handoff.read.fact import Context
from handoff.read.gatherparts import GatherParts, _count, _Part
from handoff.read.limitwords import is_growth, is_limit
from handoff.read.prose import host_names

_REPOS = r"repositories|repository|repos|repo"


_DOTTED_WORD = re.compile(r"[\w.]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


class HostCounts(GatherParts):
    """The gatherer's part that sums and checks the repository counts and joins the code hosts."""

    def _section_parts(self, section: str) -> list[_Part]:
        """A section's per-host repository counts, in document order. One host's count written twice (a
        bilingual document, a summary repeating the detail) is one fact, counted once."""
        return list({(p.host, p.count): p for p in reversed(self.parts) if p.section == section}.values())[
            ::-1
        ]

    def _last_word(self) -> None:
        """A code host whose last statement in the document says it is not connected (`read.hostledger`:
        "… the repos kept there are NOT connected", a reply "not connecting it") is in no code-host
        value, and its repositories are not counted.

        A host whose connection a block says was taken away ("connection deleted 10-28", "removed 20
        Aug") is off from then on: a change ends what came before it, so neither its count in the same
        block (its count until then) nor a mention after it (the host named in passing: a log of what
        was done, the sizing's history) brings it back; only a labelled value or a table listing it as
        connected after the removal does."""
        if not self.said:
            return
        env = self.reader.env_at
        gone: list[tuple[int, str]] = []
        found = hostledger.denials(
            [
                (b.text, "trial" if i in self.event_blocks else b.section, b.host)
                for i, b in enumerate(self.blocks)
            ],
            self.reader.code_hosts.find,
            lambda text, at, section: env(text, at, Context(section=section)) == "trial",
            gone,
        )
        off = hostledger.denied(found, self.said) if found else set()
        off |= self._ended(gone)
        if not off:
            return
        self.parts = [p for p in self.parts if p.host.removeprefix("count for ") not in off]
        self._keep(lambda v: v.field != "code_hosts" or not v.value or bool(set(v.value.split(", ")) - off))
        for i, v in enumerate(self.values):
            if v.field == "code_hosts" and v.value and set(v.value.split(", ")) & off:
                names = v.value.split(", ")
                written = v.text.split(", ")
                pairs = [p for p in zip(names, written, strict=False) if p[0] not in off]
                text = ", ".join(w for _, w in pairs) if len(written) == len(names) else v.text
                self.values[i] = replace(v, value=", ".join(n for n, _ in pairs), text=text)

    def _ended(self, gone: list[tuple[int, str]]) -> set[str]:
        """The hosts a removal ended (`_last_word`) that no labelled or tabled code-host value after it
        lists again."""
        if not gone:
            return set()
        at: dict[object, int] = {}
        for i, b in enumerate(self.blocks):
            at[b.location] = i
        listed = [
            (at.get(v.location, -1), set(v.value.split(", ")))
            for v in self.values
            if v.field == "code_hosts" and v.value and v.how != "named" and v.section != "trial"
        ]
        last: dict[str, int] = {}
        for i, host in gone:
            last[host] = max(last.get(host, -1), i)
        return {host for host, i in last.items() if not any(j > i and host in names for j, names in listed)}

    def _total_after_parts(self, section: str) -> None:
        """A repository count read as nothing (no host, no total word: "→ 1,430 repos in PRD") that is
        exactly the sum of the run of per-host counts right before it is their stated total."""
        parts = self._section_parts(section)
        if len(parts) < 2:
            return
        stated = {v.value for v in self.values if v.field == "repositories" and v.section == section}
        blocks = {p.block for p in parts}
        for i, b in enumerate(self.blocks):
            if b.section != section or (i - 1 not in blocks and i - 2 not in blocks):
                continue  # (a run of counts ends in one of the two blocks before it)
            before = [p.count for p in parts if p.block < i][::-1]
            if len(before) < 2:
                continue
            if is_limit(b.text) or is_growth(b.text):
                continue
            sums = {sum(before[: n + 1]) for n in range(1, len(before))}  # the last two, three … before it
            for m, _ in shapes.counted(b.text, _REPOS):
                if m.value.isdigit() and int(m.value) in sums and m.value not in stated:
                    how = "stated total (the counts before it add up to it)"
                    found = TddValue("Repositories", m.text, b.location, "repositories", section)
                    self.values.append(replace(found, derived=True, value=m.value, how=how))
                    return

    def _proven_total(self, section: str) -> None:
        """Of different repository counts stated for one environment, the one the per-host counts (all
        of them, or a run of them) add up to is the count; the others are estimates, plans or earlier
        figures."""
        stated = [v for v in self.values if v.field == "repositories" and v.section == section]
        if len({shapes.leading_number(v.value or v.text) for v in stated}) < 2:
            return
        counts = [(p.block, p.count) for p in self._section_parts(section)]

        def proven(v: TddValue) -> bool:
            number = _count(shapes.leading_number(v.value or v.text) or "")
            return number is not None and bool(
                hostledger.counted_run(counts, number, lambda t: _agrees(v, t))
            )

        if any(proven(v) for v in stated) and not all(proven(v) for v in stated):
            self._keep(lambda v: v.field != "repositories" or v.section != section or proven(v))

    def _counted_hosts(self) -> None:
        """The code hosts whose counts make up the repository count taken are connected: they join the
        code-host value taken (or are it, when the document lists no hosts). Production's count may be
        made of counts written where no environment is named (a list under "Code hosts" beside "Repos
        in prd: 3,350"): when they add up to it exactly, their hosts are production's."""
        reps = [v for v in self.values if v.field == "repositories" and v.section != "trial"]
        section = "production" if any(v.section == "production" for v in reps) else ""
        reps = [v for v in reps if v.section == section]
        numbers = {_count(shapes.leading_number(v.value or v.text) or "") for v in reps}
        number = numbers.pop() if len(numbers) == 1 else None
        if number is None:
            return
        parts = self._section_parts(section)
        run = hostledger.counted_run(
            [(p.block, p.count) for p in parts], number, lambda t: _agrees(reps[0], t)
        )
        if not run and section == "production":  # the hosts' counts where no environment is named
            parts = self._section_parts("")  # ("Code hosts" under "Changes") that make production's total
            run = hostledger.counted_run([(p.block, p.count) for p in parts], number, lambda t: t == number)
        known = set(self.reader.code_hosts.names.values())
        hosts = list(
            dict.fromkeys(h for i in run if (h := parts[i].host.removeprefix("count for ")) in known)
        )
        if not hosts:
            return
        listed = [v for v in self.values if v.field == "code_hosts" and v.section != "trial" and v.value]
        tier = [v for v in listed if v.section == "production"] or [v for v in listed if v.section == ""]
        if not tier:
            first = parts[run[0]]
            self.values.append(TddValue("Code hosts", ", ".join(hosts), first.location,
                                        "code_hosts", section, None, True, ", ".join(hosts),
                                        "hosts of the counted repositories"))  # fmt: skip
            return
        for i, v in enumerate(self.values):
            missing = [h for h in hosts if h not in v.value.split(", ")] if any(v is t for t in tier) else []
            if missing:
                self.values[i] = replace(
                    v, value=", ".join([v.value, *missing]), text=", ".join([v.text, *missing])
                )

    def _sum_parts(self, section: str) -> list[Problem]:
        """A section's per-host repository counts added up."""
        parts = self._section_parts(section)
        if not parts:
            return []
        total = sum(p.count for p in parts)
        stated = [v for v in self.values if v.field == "repositories" and v.section == section]
        places = ", ".join(f"{p.count:,} ({p.location.ref.removeprefix('TDD ')})" for p in parts)
        if not stated:
            self.values.append(
                TddValue("Repositories", " + ".join(p.text for p in parts), parts[0].location, "repositories",
                         section, None, True, str(total), f"sum of {len(parts)} code hosts' counts")
            )  # fmt: skip
            return []
        first = stated[0]
        number = _count(shapes.leading_number(first.value or first.text) or "")
        hosts = {p.host for p in parts}
        if number is None or len(parts) < 2 or len(hosts) != len(parts):
            return []
        if any(_agrees(v, total) for v in stated):
            return []  # (the parts' sum written exactly somewhere, or rounded: "~1.6k repos" for 1,626)
        if hostledger.counted_run([(p.block, p.count) for p in parts], number, lambda _: False):
            return []  # the total of a run of them ("1,120 … 310 … → 1,430"): the others are another's
        return [
            Problem(
                Severity.WARNING,
                f"Repositories: the TDD states a total of {number:,} "
                f"({first.location.ref.removeprefix('TDD ')}) but the code hosts' counts add up to "
                f"{total:,}: {places}; the stated total is used",
                "repositories",
                first.location,
                "correct the TDD so the total and the per-host counts agree",
            )
        ]

    def _largest_by_name(self) -> None:
        """The size written next to the name of the repository a sentence calls the largest."""
        for f, _ in self.largest_names:
            if any(v.field == "largest_repo_mb" and v.section == f.section for v in self.values):
                continue
            near = re.compile(
                rf"(?<![\w./-]){re.escape(f.value)}(?![\w./-])[^.;]{{0,40}}?(?={shapes.SIZE.pattern})"
            )
            for b in self.blocks:
                m = near.search(b.text)
                size = shapes.SIZE.match(b.text, m.end()) if m else None
                if size and b.section != "trial":
                    value = next(shapes.sizes(size.group(0))).value
                    text = f"{f.value}, {size.group(0)}"
                    found = TddValue("Largest repository", text, b.location, "largest_repo_mb", f.section)
                    self.values.append(replace(found, derived=True, value=value, how=f.how))
                    break

    def _count_mentions(self, section: str) -> None:
        if any(v.field == "monorepos" and v.section == section for v in self.values):
            return
        named = {b: loc for b, s, loc in self.mentions if s == section}
        if named:
            first = next(iter(named.values()))
            self.values.append(
                TddValue("Monorepos", f"{len(named)} named", first, "monorepos", section, None, True,
                         str(len(named)), "monorepos named in passing")
            )  # fmt: skip

    def _family_hosts(self) -> None:
        """A code host written by its bare family name ("2,010 in GitLab") is the member of that family
        the document names elsewhere ("the self-managed GitLab at gitlab.example.internal"), when it
        names exactly one: the writer shortened the name, not switched hosts. The member may be written
        short itself (`gl sm` for GitLab Self-Managed): its family is the one its name is of."""
        pairs = [
            p
            for v in self.values
            if v.field == "code_hosts" and v.section != "trial" and v.value
            for p in zip(v.value.split(", "), v.text.split(", "), strict=False)
        ]
        members: dict[str, set[str]] = {}
        for value, written in pairs:
            if " " in written.strip() or "." in written:
                for word in _DOTTED_WORD.findall(written.casefold()) if " " in written.strip() else []:
                    members.setdefault(word, set()).add(value)
                # (its family's name too: "gl sm" is a GitLab, so a later bare "gitlab" is that one)
                members.setdefault(_NOT_ALNUM.split(value.casefold())[0], set()).add(value)
        for i, v in enumerate(self.values):
            if v.field != "code_hosts" or not v.value or len(v.value.split(", ")) != len(v.text.split(", ")):
                continue
            out = []
            for value, written in zip(v.value.split(", "), v.text.split(", "), strict=True):
                named = members.get(written.strip().casefold(), set()) - {value}
                bare = " " not in written.strip() and "." not in written
                out.append(named.pop() if bare and len(named) == 1 else value)
            if out != v.value.split(", "):
                self.values[i] = replace(v, value=", ".join(dict.fromkeys(out)))
        self._family_parts()

    def _family_parts(self) -> None:
        """A repository count's host that is none of the document's hosts but of the family of one
        of them ("1.870 Repositories" in "dem selbst betriebenen GitLab", read as GitLab.com, beside the
        self-managed GitLab) is that one: the same host, written short."""
        hosts = {h for v in self.values if v.field == "code_hosts" and v.section != "trial" and v.value
                 for h in v.value.split(", ")}  # fmt: skip

        def family(name: str) -> str:
            return _NOT_ALNUM.split(name.casefold())[0]

        for i, p in enumerate(self.parts):
            host = p.host.removeprefix("count for ")
            kin = {h for h in hosts if family(h) == family(host)}
            if host not in hosts and len(kin) == 1:
                self.parts[i] = replace(p, host=f"count for {kin.pop()}")

    def _union_hosts(self, section: str) -> None:
        """Code hosts named in several paragraphs (one list item per host): one list, in order."""
        named = [i for i, v in enumerate(self.values) if v.field == "code_hosts" and v.section == section
                 and v.how == "named"]  # fmt: skip
        if len(named) < 2:
            return
        pairs = [
            p
            for i in named
            for p in zip(self.values[i].value.split(", "), self.values[i].text.split(", "), strict=False)
        ]
        names = host_names(pairs)
        first = self.values[named[0]]
        value, text = ", ".join(v for v, _ in names), ", ".join(w for _, w in names)
        self.values[named[0]] = replace(first, text=text, value=value, how="named")
        drop = set(named[1:])
        self.values = [v for i, v in enumerate(self.values) if i not in drop]


def _agrees(v: TddValue, total: int) -> bool:
    """Whether a stated repository count agrees with the parts' sum: within 1%, or within the
    rounding it is written with (`~1.6k`, `about 2,000`: half of its last non-zero place)."""
    number = _count(shapes.leading_number(v.value or v.text) or "")
    if number is None:
        return False
    if abs(number - total) <= 0.01 * max(total, 1):
        return True
    rounded = re.search(r"(?:~|\babout\b|\bapprox\w*|\broughly\b|\baround\b)|\d[kK]\b", v.text)
    place = 10 ** (len(str(number)) - len(str(number).rstrip("0"))) if number else 1
    return bool(rounded) and place > 1 and abs(number - total) <= place / 2
