"""Pasted `df -h` and `lsblk` output: the data disk's size, not the OS's nor a usage figure.

People prove a machine's disk by pasting what the shell says. Each line of that output has its own
shape, so it is known without its header (a code box often keeps one paragraph a line):

* `df -h`: `FILESYSTEM SIZE USED AVAIL USE% MOUNTED-ON` (`/dev/sdb1  1.5T  402G  1.1T  27%
  /var/lib/docker`);
* `lsblk`: `NAME MAJ:MIN RM SIZE RO TYPE [MOUNTPOINTS]` (`└─sdb1  8:17  0  1.5T  0 part /data`).

The used and available space of a `df` line are usage, never a disk's size. A line of a memory
filesystem (`tmpfs`, `devtmpfs`, `shm`, `overlay`, `udev`), of a mount where the operating system
lives (`/`, `/boot`, `/boot/efi`, `/dev…`, `/run…`, `/sys`, `/proc`, swap) or, in `lsblk`, of a whole
device or a partition mounted nowhere (its own partition's line tells where the data is) is the
machine's, not the data disk the TDD's disk means: its size is no candidate either. What is left is
the data disk's line (`/data`, `/var/lib/docker`, `/mnt/sourcegraph`), read as any size is.

`blanked(text)`: `text` with those figures blanked (offsets kept).
"""

from __future__ import annotations

import re

from handoff.read.vocab import blank_spans

_SIZE = r"\d+(?:[.,]\d+)?[KMGTPE]?i?B?"
# a df line: filesystem, size, used, available, use%, mount point
_GAP = r"[^\S\n]+"  # the spaces between two columns (no-break ones too), never a line's end
_DF = re.compile(
    rf"^(?P<fs>[^\S\n]*\S+){_GAP}(?P<size>{_SIZE}){_GAP}(?P<used>{_SIZE}|-){_GAP}(?P<avail>{_SIZE}|-){_GAP}"
    rf"\d{{1,3}}%{_GAP}(?P<mount>/\S*)[^\S\n]*$",
    re.MULTILINE,
)
# an lsblk line: name (with its tree marks), MAJ:MIN, RM, size, RO, type, mount points (if any)
_LSBLK = re.compile(
    rf"^(?P<name>[^\S\n]*[│├└─`|-]*\S+){_GAP}\d+:\d+{_GAP}[01]{_GAP}(?P<size>{_SIZE}){_GAP}[01]{_GAP}"
    rf"(?P<type>[a-z][a-z0-9]*)(?:{_GAP}(?P<mount>\S.*?))?[^\S\n]*$",
    re.MULTILINE,
)
_MAJ_MIN = re.compile(r"\d:\d+[^\S\n]+[01][^\S\n]")
_MEMORY_FS = re.compile(r"\s*(?:tmpfs|devtmpfs|shm|overlay|udev|none|efivarfs|squashfs)\s*$", re.IGNORECASE)
_OS_MOUNT = re.compile(r"/|/boot(?:/efi)?|/(?:dev|run|sys|proc|snap)(?:/\S*)?|\[SWAP\]|swap", re.IGNORECASE)


def blanked(text: str) -> str:
    """`text` with the sizes of its `df` and `lsblk` lines that are no data disk's, and every `df`
    line's used and available space, blanked."""
    df = "%" in text and "/" in text
    lsblk = ":" in text and _MAJ_MIN.search(text) is not None
    if not df and not lsblk:
        return text
    spans: list[tuple[int, int]] = []
    if df:
        for m in _DF.finditer(text):
            spans += [m.span("used"), m.span("avail")]
            if _MEMORY_FS.fullmatch(m.group("fs")) or _OS_MOUNT.fullmatch(m.group("mount")):
                spans.append(m.span("size"))
    if lsblk:
        for m in _LSBLK.finditer(text):
            mount = m.group("mount") or ""
            if not mount or _OS_MOUNT.fullmatch(mount.strip()) or m.group("type") in ("rom", "loop"):
                spans.append(m.span("size"))
    return blank_spans(text, spans) if spans else text


__all__ = ["blanked"]
