"""Results: samples and their median and p95, the machine, and the markdown table.

A figure is only meaningful next to the naive way of doing the same thing, measured in
the same run on the same machine, so every row carries both and their ratio.
"""

from __future__ import annotations

import math
import os
import platform
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Samples:
    """Wall-clock durations of repeated runs, in seconds."""

    seconds: tuple[float, ...]
    peak_bytes: int | None = None
    """Peak memory of the runs when measured, shown beside the median (what it is the
    peak of, RSS of a child process or traced allocations, is said in the figure's name)."""

    def __post_init__(self) -> None:
        if not self.seconds:
            raise ValueError("no samples")

    @property
    def count(self) -> int:
        return len(self.seconds)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def p95(self) -> float:
        """Nearest-rank 95th percentile: the value 95% of runs did not exceed."""
        ordered = sorted(self.seconds)
        return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]

    def statistic(self, name: str) -> float:
        return self.p95 if name == "p95" else self.median


@dataclass(frozen=True, slots=True)
class Naive:
    """The naive alternative to a figure, measured in the same run."""

    label: str
    samples: Samples


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure against its target, with the naive alternative when there is one."""

    name: str
    size: str
    samples: Samples
    limit: float | None = None
    """Target in seconds for `statistic` (None: reported, no target)."""
    statistic: str = "median"
    naive: Naive | None = None
    note: str = ""
    detail: str = ""
    """Markdown printed under the table (figures that are not timings: quality tables)."""

    @property
    def value(self) -> float:
        return self.samples.statistic(self.statistic)

    @property
    def met(self) -> bool | None:
        return None if self.limit is None else self.value <= self.limit

    @property
    def ratio(self) -> float | None:
        """How many times faster than the naive way (medians)."""
        if self.naive is None or self.samples.median <= 0:
            return None
        return self.naive.samples.median / self.samples.median


@dataclass(frozen=True, slots=True)
class Machine:
    """What the figures were measured on."""

    cores: int
    memory_gib: float
    cpu: str
    python: str
    system: str
    versions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def current(cls) -> Machine:
        return cls(
            cores=os.cpu_count() or 1,
            memory_gib=memory_bytes() / 2**30,
            cpu=cpu_model(),
            python=platform.python_version(),
            system=f"{platform.system()} {platform.release()}",
            versions={name: package_version(name) for name in ("textual", "tinydb", "rapidfuzz")},
        )

    def describe(self) -> str:
        libraries = ", ".join(f"{name} {version}" for name, version in self.versions.items())
        return (
            f"{self.cores} cores, {self.memory_gib:.1f} GiB memory, {self.cpu}; "
            f"Python {self.python} on {self.system}; {libraries}"
        )


def memory_bytes() -> int:
    """Physical memory, from sysconf (Linux, macOS); 0 when unknown."""
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        return 0


def cpu_model() -> str:
    """The CPU's marketing name from /proc/cpuinfo, else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def duration(seconds: float) -> str:
    """Human units: µs below a millisecond, ms below a second, else s."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms" if seconds < 0.01 else f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def with_peak(samples: Samples) -> str:
    """The median, and beside it the peak memory when it was measured."""
    median = duration(samples.median)
    if samples.peak_bytes is None:
        return median
    return f"{median} (peak {samples.peak_bytes / 2**20:,.0f} MB)"


def verdict(figure: Figure) -> str:
    if figure.met is None or figure.limit is None:
        return "—"
    mark = "met" if figure.met else "**missed**"
    return f"{mark} ({figure.statistic} ≤ {duration(figure.limit)})"


def table(figures: Sequence[Figure]) -> str:
    """The results as a markdown table."""
    lines = [
        "| figure | size | runs | median | p95 | target | naive alternative | naive median "
        "| ratio |",
        "|---|---|---:|---:|---:|---|---|---:|---:|",
    ]
    for figure in figures:
        naive = figure.naive
        ratio = figure.ratio
        cells = [
            figure.name + (f" ({figure.note})" if figure.note else ""),
            figure.size,
            str(figure.samples.count),
            with_peak(figure.samples),
            duration(figure.samples.p95),
            verdict(figure),
            f"{naive.label} ({naive.samples.count} runs)" if naive else "—",
            with_peak(naive.samples) if naive else "—",
            f"{ratio:,.0f}×"
            if ratio is not None and ratio >= 10
            else (f"{ratio:.1f}×" if ratio is not None else "—"),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def markdown(figures: Sequence[Figure], machine: Machine, elapsed: float, mode: str) -> str:
    """The report `python -m bench` prints: the machine, then the table."""
    details = "".join(f"\n{figure.detail}\n" for figure in figures if figure.detail)
    return (
        f"Machine: {machine.describe()}.\n"
        f"Run: `python -m bench{' --quick' if mode == 'quick' else ''}`, "
        f"{elapsed:.0f} s in all.\n\n{table(figures)}\n{details}"
    )
