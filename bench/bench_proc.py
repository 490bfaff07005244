"""The benchmark's processes: a separately started sandbox, and the real CLI run against it.

`Sandbox.start(folder, seed, latency_ms, quota_scale)` runs `handoff sandbox serve --port 0`
in its own process (state in `folder`, a latency rule on every request, quotas scaled) and
waits for the URL it prints. `run_cli(args, env)` runs `handoff ARGS` as a child process and
returns its wall time, exit code and peak resident memory (from wait4's rusage).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from handoff.core.settings import PROJECT_ROOT

URL_LINE = re.compile(r"Sandbox serving on (http://127\.0\.0\.1:\d+)")
ENV_CLEARED = ("HANDOFF_CONFIG", "HANDOFF_SANDBOX_URL", "HANDOFF_SANDBOX_FAULTS", "HANDOFF_SANDBOX_QUOTAS")


def handoff_command() -> list[str]:
    """The installed `handoff` entry point next to this interpreter, else `python -m handoff`."""
    script = Path(sys.executable).parent / "handoff"
    return [str(script)] if script.exists() else [sys.executable, "-m", "handoff"]


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ENV_CLEARED}
    env.update({"HANDOFF_TODAY": "2026-11-27", "HANDOFF_USER": "bench", "NO_COLOR": "1", **extra})
    return env


@dataclass
class Sandbox:
    process: subprocess.Popen[str]
    url: str
    state: Path

    @classmethod
    def start(
        cls, folder: Path, seed: Path, latency_ms: int, quota_scale: float, timeout: float = 300
    ) -> Sandbox:
        folder.mkdir(parents=True, exist_ok=True)
        faults = folder / "faults.json"
        rules = [{"kind": "latency", "latency_ms": latency_ms, "count": 0}] if latency_ms > 0 else []
        faults.write_text(json.dumps(rules), encoding="utf-8")
        state = folder / "state"
        command = [*handoff_command(), "sandbox", "serve", "--port", "0", "--faults", str(faults)]
        command += ["--quotas", f"{quota_scale:g}"]
        env = base_env(HANDOFF_SANDBOX_DIR=str(state), HANDOFF_SANDBOX_SEED=str(seed))
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env, cwd=PROJECT_ROOT
        )
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        assert process.stdout is not None
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if not line:
                break
            seen.append(line)
            m = URL_LINE.search(line)
            if m:
                return cls(process, m.group(1), state)
        process.kill()
        process.wait()
        raise RuntimeError("the sandbox did not start:\n" + "".join(seen))

    def cpu_seconds(self) -> float:
        """CPU time the sandbox process has used so far (user + system), from /proc (0 elsewhere)."""
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return 0.0
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log(self) -> list[dict[str, Any]]:
        from handoff.sandbox.request_log import read_request_log

        return read_request_log(self.state)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()


@dataclass(frozen=True)
class Run:
    seconds: float
    exit_code: int
    peak_rss_mib: float
    cpu_seconds: float
    stdout: str
    stderr: str


def run_cli(args: list[str], env: dict[str, str], folder: Path) -> Run:
    """`handoff ARGS` in a child process; its own peak RSS comes from wait4 (not other children's)."""
    folder.mkdir(parents=True, exist_ok=True)
    out, err = folder / "stdout.txt", folder / "stderr.txt"
    with out.open("w", encoding="utf-8") as fo, err.open("w", encoding="utf-8") as fe:
        started = time.perf_counter()
        process = subprocess.Popen(
            [*handoff_command(), *args], stdout=fo, stderr=fe, env=env, cwd=PROJECT_ROOT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
    rss_kib = usage.ru_maxrss  # KiB on Linux
    return Run(
        seconds,
        process.returncode,
        rss_kib / 1024,
        usage.ru_utime + usage.ru_stime,
        out.read_text(encoding="utf-8"),
        err.read_text(encoding="utf-8"),
    )


def startup_seconds(repeat: int = 5) -> float:
    """`handoff --help`, best of `repeat`."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(
            [*handoff_command(), "--help"], check=True, capture_output=True, env=base_env(), cwd=PROJECT_ROOT
        )
        best = min(best, time.perf_counter() - started)
    return best
