"""How the benchmarks find ../shared, run sitrep, and measure one run: wall time and peak memory.

Every measured command runs in a fresh process, pinned to CPU 0 with ``taskset -c 0`` when taskset
exists and works, under GNU ``time -v`` for the peak resident set size when GNU time exists (else a
small Python wrapper reads the child's ``ru_maxrss``). Wall time is taken here, around the process.
"""

from __future__ import annotations

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Run", "describe_machine", "find_shared", "pinning", "rss_method", "sitrep_argv", "summary_counts",
           "timed_run"]

#: The repository is /work/main and shared data is /work/shared: two levels up from bench/x.py.
DEFAULT_SHARED = Path(__file__).resolve().parents[2] / "shared"

_SUMMARY = re.compile(r"sitrep: (\d+) articles, (\d+) events, (\d+) failed inputs")

_RUSAGE_WRAPPER = r"""
import json, resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[2:])
secs = time.perf_counter() - t0
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
if sys.platform == "darwin":
    kb //= 1024
with open(sys.argv[1], "w") as fh:
    json.dump({"rc": rc, "seconds": secs, "maxrss_kb": kb}, fh)
sys.exit(rc)
"""


def find_shared(arg: str | None) -> Path | None:
    """The shared folder (--shared, else $SITREP_SHARED, else ../shared); None when it is absent,
    after saying so on stdout."""
    chosen = arg or os.environ.get("SITREP_SHARED") or str(DEFAULT_SHARED)
    path = Path(chosen)
    if not (path / "data").is_dir():
        print(f"Shared data not found at {path} (no data/ folder there): benchmark skipped. "
              "Pass --shared DIR or set SITREP_SHARED to run it.")
        return None
    return path


def sitrep_argv(cmd: str | None) -> list[str]:
    """How to start sitrep: --cmd (split on spaces), else the ``sitrep`` script next to this Python,
    else ``python -m sitrep``."""
    if cmd:
        return cmd.split()
    script = Path(sys.executable).parent / "sitrep"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "sitrep"]


@cache
def pinning() -> list[str]:
    """``["taskset", "-c", "0"]`` when taskset exists and may pin a process here, else []."""
    exe = shutil.which("taskset")
    if not exe:
        return []
    try:
        ok = subprocess.run([exe, "-c", "0", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.SubprocessError):
        ok = False
    return [exe, "-c", "0"] if ok else []


@cache
def _gnu_time() -> str | None:
    for exe in ("/usr/bin/time", shutil.which("time")):
        if not exe or not Path(exe).is_file():
            continue
        try:
            out = subprocess.run([exe, "--version"], capture_output=True, timeout=10)
        except (OSError, subprocess.SubprocessError):
            continue
        if b"GNU" in out.stdout + out.stderr:
            return exe
    return None


def rss_method() -> str:
    return "GNU time -v" if _gnu_time() else "ru_maxrss of the child (Python wrapper)"


def describe_machine() -> list[tuple[str, str]]:
    cpu = platform.processor() or "?"
    try:
        names = [line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                 if line.startswith("model name")]
        cpu = names[0] if names else cpu
    except OSError:
        pass
    return [
        ("machine", f"{os.cpu_count()} CPUs ({cpu}), {platform.system()} {platform.release()}"),
        ("sitrep", _revision()),
        ("python", f"{platform.python_version()} ({sys.executable})"),
        ("pinned to one core", "yes (taskset -c 0)" if pinning() else "no (taskset not available)"),
        ("peak memory from", rss_method()),
    ]


def _revision() -> str:
    """The commit the benchmark ran at, and whether src/ had changes not committed."""
    repo = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, timeout=10)
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--", "src"], capture_output=True,
                               text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "unknown revision (git not available)"
    if head.returncode != 0:
        return "unknown revision (not a git checkout)"
    return f"commit {head.stdout.strip()}" + (", src/ with uncommitted changes" if dirty.stdout.strip() else "")


@dataclass(frozen=True, slots=True)
class Run:
    """One measured process."""

    argv: list[str]
    rc: int
    seconds: float
    peak_rss_mb: float | None
    stderr: str

    def stderr_tail(self, lines: int = 12) -> str:
        return "\n".join("    " + x for x in self.stderr.strip().splitlines()[-lines:]) or "    (no stderr)"


def timed_run(argv: list[str], *, cwd: Path | None = None, timeout: float = 3600.0) -> Run:
    """Run ``argv`` once, pinned and measured. Standard output is discarded (use --out)."""
    with tempfile.TemporaryDirectory(prefix="sitrep-measure-") as td:
        report = Path(td) / "rss.txt"
        gnu = _gnu_time()
        if gnu:
            full = [*pinning(), gnu, "-v", "-o", str(report), *argv]
        else:
            full = [*pinning(), sys.executable, "-c", _RUSAGE_WRAPPER, str(report), *argv]
        with tempfile.TemporaryFile() as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(full, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
            try:
                rc = proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise SystemExit(f"timed out after {timeout:.0f} s: {' '.join(argv)}") from None
            seconds = time.perf_counter() - t0
            err.seek(0)
            stderr = err.read().decode("utf-8", "replace")
        rss: float | None = None
        if report.exists():
            text = report.read_text(encoding="utf-8", errors="replace")
            if gnu:
                m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
                rss = int(m.group(1)) / 1024 if m else None
                # GNU time prints "Command exited with non-zero status N" first in its report
                stderr += "".join(line + "\n" for line in text.splitlines() if line.startswith("Command "))
            else:
                try:
                    data = json.loads(text)
                    rss, seconds = data["maxrss_kb"] / 1024, float(data["seconds"])
                except (ValueError, KeyError):
                    pass
    return Run(argv=argv, rc=rc, seconds=seconds, peak_rss_mb=rss, stderr=stderr)


def summary_counts(stderr: str) -> tuple[int, int, int] | None:
    """(articles, events, failed inputs) from sitrep's closing ``sitrep: ...`` line."""
    found = _SUMMARY.findall(stderr)
    if not found:
        return None
    articles, events, failed = found[-1]
    return int(articles), int(events), int(failed)
