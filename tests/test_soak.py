"""Live-preview soak: a real ``mkdocs serve`` follows a long, seeded series of page changes.

``mkdocs serve --livereload`` runs on a free 127.0.0.1 port (its own process group, always killed
in a ``finally``) over a private site of 5 to 8 design pages. A seeded series of ``OPERATIONS``
changes edits titles, statuses and questions, and adds, deletes and renames pages (into and out
of folders). After each one the test polls the served ``catalog.json`` and overview (at most
``CHANGE_TIMEOUT`` seconds) until they list exactly the designs on disk, once each, with their
titles, statuses and open-question counts, then samples the server's resident memory
(``VmRSS`` of every process in its process group).

Memory must stay flat. CPython keeps freed memory for reuse, so the process grows while its
heap settles over the first rebuilds; the baseline is the median of samples 5 to 15, and the
median of the last 10 samples may exceed it by at most ``RSS_SLACK`` (10 MB). Measured on this
site (pages weighted with 40 components each, so a rebuild handles ~300 components): a healthy
server ends 1-2 MB above the baseline; keeping each rebuild's plugin registry alive ends ~15 MB
above it, keeping each rebuild's files, config and registry ~70 MB above it. Samples and waits
are kept in ``test-artifacts/soak/rss.json``.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
import urllib.error
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import ROOT, write_site
from test_serve import Served, Server, consistent, design

pytestmark = pytest.mark.slow

if TYPE_CHECKING:
    from collections.abc import Iterator

ARTIFACTS = ROOT / "test-artifacts" / "soak"
SEED = 20250301
OPERATIONS = 60
MIN_PAGES, MAX_PAGES = 5, 8
CHANGE_TIMEOUT = 15.0
POLL = 0.05
COMPONENTS = 40
RSS_SLACK = 10 * 2**20
STATUSES = ("Draft", "In Review", "Approved", "Implemented", "Deferred", "Rejected")
WORDS = ("Ledger", "Router", "Quota", "Beacon", "Harbor", "Relay", "Atlas", "Signal", "Vault")


def components(title: str) -> str:
    """A Component Structure section with ``COMPONENTS`` components named after ``title``.

    Weight on purpose: each rebuild then handles a catalog big enough (hundreds of components)
    that keeping one rebuild's worth of it alive per rebuild shows in the memory samples.
    """
    name = title.split()[0]
    parts = ["\n## Component Structure\n\n### Components\n"]
    for n in range(1, COMPONENTS + 1):
        parts.append(
            f"\n#### {n}. {name} Part {n}\n\n**Responsibility:** Handles step {n} of {title}, "
            f"{'keeping its state in the shared store and reporting progress. ' * 3}\n\n"
            f"**Dependencies:**\n- {name} Part {n % COMPONENTS + 1}\n- Shared Store\n"
        )
    return "".join(parts)


@dataclass
class Design:
    """What a design page on disk says."""

    title: str
    status: str
    questions: list[str] = field(default_factory=list)

    def markdown(self) -> str:
        return design(self.title, self.status, tuple(self.questions)) + components(self.title)

    def expected(self) -> tuple[str, str, int]:
        return (self.title, self.status, len(self.questions))


class Site:
    """The design pages on disk, and the seeded changes made to them."""

    def __init__(self, docs: Path, rng: random.Random) -> None:
        self.docs, self.rng = docs, rng
        self.pages: dict[str, Design] = {}
        self.made = 0

    def expected(self) -> dict[str, tuple[str, str, int]]:
        return {src: page.expected() for src, page in self.pages.items()}

    def served(self, state: Served) -> bool:
        """Whether the server shows exactly these designs and their open questions, once each."""
        questions = [q for page in self.pages.values() for q in page.questions]
        return consistent(state, self.expected()) and sorted(state.questions) == sorted(questions)

    def write(self, src: str, page: Design) -> None:
        target = self.docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown(), encoding="utf-8")
        self.pages[src] = page

    def new(self) -> Design:
        self.made += 1
        return Design(f"{self.rng.choice(WORDS)} {self.made}", self.rng.choice(STATUSES))

    def fresh_src(self) -> str:
        folder = self.rng.choice(("", "team/", "platform/"))
        return f"{folder}page-{self.made}-{self.rng.randrange(10**6)}.md"

    def step(self) -> str:
        """Make one change on disk; return what it was."""
        src = self.rng.choice(sorted(self.pages))
        page = self.pages[src]
        kinds = ["title", "status", "questions", "rename"]
        kinds += ["add"] if len(self.pages) < MAX_PAGES else []
        kinds += ["delete"] if len(self.pages) > MIN_PAGES else []
        kind = self.rng.choice(kinds)
        if kind == "title":
            self.made += 1
            self.write(
                src, Design(f"{page.title.split()[0]} {self.made}", page.status, page.questions)
            )
        elif kind == "status":
            status = self.rng.choice([s for s in STATUSES if s != page.status])
            self.write(src, Design(page.title, status, page.questions))
        elif kind == "questions":
            questions = list(page.questions)
            if questions and self.rng.random() < 0.5:
                questions.pop(self.rng.randrange(len(questions)))
            else:
                self.made += 1
                questions.append(f"Question {self.made}?")
            self.write(src, Design(page.title, page.status, questions))
        elif kind == "add":
            src = self.fresh_src()
            self.write(src, self.new())
        elif kind == "delete":
            (self.docs / src).unlink()
            del self.pages[src]
        else:
            self.made += 1
            target = self.fresh_src()
            (self.docs / target).parent.mkdir(parents=True, exist_ok=True)
            (self.docs / src).rename(self.docs / target)
            self.pages[target] = self.pages.pop(src)
            return f"rename {src} -> {target}"
        return f"{kind} {src}"


def rss(pid: int) -> int:
    """Resident memory, in bytes, of every process in ``pid``'s process group (its own session)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue  # gone meanwhile
        # Fields after the command name, which is in parentheses and may hold spaces.
        if int(stat.rsplit(")", 1)[1].split()[2]) != pid:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def wait_until_served(server: Server, pages: Site, what: str) -> float:
    """Poll until the server shows exactly the pages on disk; return how long that took."""
    start = time.monotonic()
    last: Served | str = "nothing served"
    while time.monotonic() - start < CHANGE_TIMEOUT:
        try:
            last = server.state()
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as error:
            last = f"{type(error).__name__}: {error}"  # mid-rebuild
        else:
            if pages.served(last):
                return time.monotonic() - start
        time.sleep(POLL)
    pytest.fail(f"{what}: not served within {CHANGE_TIMEOUT} s; last {last}\n{server.output()}")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[Site, Server]]:
    """Six seeded design pages served by ``mkdocs serve``; the server dies with the test."""
    rng = random.Random(SEED)
    write_site(
        tmp_path,
        {"index.md": "# Home\n\nSee the [catalog](design-catalog/index.md).\n"},
        {"markdown_extensions": ["pymdownx.tasklist"]},
    )
    pages = Site(tmp_path / "docs", rng)
    for _ in range(6):
        pages.write(pages.fresh_src(), pages.new())
    server = Server(tmp_path)
    try:
        server.wait_ready()
        yield pages, server
    finally:
        server.stop()


def test_serve_soak(site: tuple[Site, Server]) -> None:
    """60 seeded changes: each served exactly and promptly, with no duplicate, memory flat."""
    pages, server = site
    wait_until_served(server, pages, "first build")
    samples = [rss(server.process.pid)]
    waits: list[float] = []
    kinds: Counter[str] = Counter()
    for number in range(1, OPERATIONS + 1):
        what = pages.step()
        kinds[what.split()[0]] += 1
        waits.append(wait_until_served(server, pages, f"#{number} {what}"))
        assert MIN_PAGES <= len(pages.pages) <= MAX_PAGES
        samples.append(rss(server.process.pid))
    assert set(kinds) == {"title", "status", "questions", "add", "delete", "rename"}, kinds
    assert server.process.poll() is None, server.output()
    output = server.output()
    assert "Traceback" not in output
    assert "ERROR" not in output
    baseline, final = statistics.median(samples[5:15]), statistics.median(samples[-10:])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    report = {
        "rss_bytes": samples, "baseline": baseline, "final": final, "waits_s": waits,
        "operations": dict(kinds),
    }  # fmt: skip
    (ARTIFACTS / "rss.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    mb = [round(sample / 2**20, 1) for sample in samples]
    assert final <= baseline + RSS_SLACK, f"memory grew from {baseline / 2**20:.1f} MB: {mb}"
