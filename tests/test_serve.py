"""A real ``mkdocs serve`` (loopback only): the catalog follows every edit, add, rename, delete.

The server runs in its own process group on a free 127.0.0.1 port, cwd at a private copy of a
small site, and is always killed in a ``finally``. After each change the test polls the served
overview and ``catalog.json`` until the change shows (bounded wait) and checks that no stale or
duplicate entry remains, once with full rebuilds and once with ``--dirty``.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from conftest import write_site

pytestmark = pytest.mark.slow

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

START_TIMEOUT = 30.0
CHANGE_TIMEOUT = 20.0


def design(title: str, status: str, questions: tuple[str, ...] = ()) -> str:
    items = "".join(f"- [ ] {q}\n" for q in questions) or "- [x] Anything open? No.\n"
    return (
        f"# Design: {title}\n\n**Created:** 2025-03-01\n**Status:** {status}\n\n"
        f"## Architecture Overview\n\nHow {title} works.\n\n"
        f"## Open Questions\n\n{items}"
    )


@dataclass(frozen=True)
class Served:
    """What the server currently shows: catalog.json entries and overview rows."""

    designs: tuple[tuple[str, str, str, int], ...]  # (src, title, status, open questions)
    rows: tuple[tuple[str, str, str], ...]  # (url, title, status) from the overview table
    questions: tuple[str, ...]  # question texts on the questions page

    def srcs(self) -> list[str]:
        return [d[0] for d in self.designs]


class Server:
    """A ``mkdocs serve`` subprocess and HTTP access to what it serves."""

    def __init__(self, root: Path, *extra: str) -> None:
        self.root = root
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}/"
        self.log = root / "serve.log"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "ignore"}
        address = f"127.0.0.1:{self.port}"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", address, *extra],
                cwd=root, stdout=out, stderr=subprocess.STDOUT, env=env, start_new_session=True,
            )  # fmt: skip

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def output(self) -> str:
        return self.log.read_text("utf-8", errors="replace")

    def get(self, path: str) -> str:
        with urllib.request.urlopen(urljoin(self.base, path), timeout=5) as response:
            return response.read().decode("utf-8")

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"mkdocs serve exited early:\n{self.output()}")
            try:
                self.get("design-catalog/catalog.json")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
            else:
                return
        pytest.fail(f"mkdocs serve not ready after {START_TIMEOUT} s:\n{self.output()}")

    def state(self) -> Served:
        data = json.loads(self.get("design-catalog/catalog.json"))
        designs = tuple(
            (d["src"], d["title"], d["status"], sum(not q["resolved"] for q in d["questions"]))
            for d in data["designs"]
        )
        overview = BeautifulSoup(self.get("design-catalog/"), "html.parser")
        table = overview.select_one("div[role=main] table")
        rows = tuple(
            (
                urljoin("/design-catalog/", r.find("a")["href"]),
                r.find("a").get_text(),
                r.select_one("span.design-badge")["data-design-status"],
            )
            for r in (table.select("tbody > tr") if table else [])
        )
        return Served(designs, rows, self.open_questions())

    def open_questions(self) -> tuple[str, ...]:
        """Question links on the questions page above its "Resolved questions" heading."""
        main = BeautifulSoup(self.get("design-catalog/questions/"), "html.parser").select_one(
            "div[role=main]"
        )
        found = []
        for link in main.select("li a[href*='#q-']"):
            headings = [h.get_text() for h in link.find_all_previous("h2")]
            if not any(h.startswith("Resolved questions") for h in headings):
                found.append(link.get_text())
        return tuple(found)

    def wait_for(self, what: str, check: Callable[[Served], bool]) -> Served:
        """Poll until ``check`` holds for a consistent state; fail after ``CHANGE_TIMEOUT``."""
        deadline = time.monotonic() + CHANGE_TIMEOUT
        last: Served | str = "nothing served"
        while time.monotonic() < deadline:
            try:
                last = self.state()
            except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError) as error:
                last = f"{type(error).__name__}: {error}"  # mid-rebuild
            else:
                if check(last):
                    return last
            time.sleep(0.25)
        pytest.fail(
            f"{what}: not served within {CHANGE_TIMEOUT} s; last state {last}\n{self.output()}"
        )


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server_factory(tmp_path: Path) -> Iterator[Callable[..., Server]]:
    """Start servers on a fresh small site; every one is killed afterwards, whatever happens."""
    started: list[Server] = []

    def start(*extra: str) -> Server:
        write_site(
            tmp_path,
            {
                "index.md": "# Home\n\nSee the [catalog](design-catalog/index.md).\n",
                "a.md": design("Alpha", "Draft", ("Which queue?",)),
                "b.md": design("Beta", "Approved"),
                "c.md": design("Gamma", "In Review", ("Who owns it?",)),
            },
            {"markdown_extensions": ["pymdownx.tasklist"]},
        )
        server = Server(tmp_path, *extra)
        started.append(server)
        server.wait_ready()
        return server

    try:
        yield start
    finally:
        for server in started:
            server.stop()


def consistent(state: Served, expected: dict[str, tuple[str, str, int]]) -> bool:
    """The catalog and overview list exactly ``expected`` (src → title, status, open), once each."""
    wanted = {src: (src, *value) for src, value in expected.items()}
    rows = {
        (f"/{src[: -len('.md')]}/", title, status) for src, (_, title, status, _) in wanted.items()
    }
    return (
        sorted(state.designs) == sorted(wanted.values())
        and len(state.rows) == len(expected)
        and set(state.rows) == rows
    )


@pytest.mark.parametrize("mode", [(), ("--dirty",)], ids=["full", "dirty"])
def test_serve_catalog_follows_every_change(
    server_factory: Callable[..., Server], tmp_path: Path, mode: tuple[str, ...]
) -> None:
    """Edit, add, rename and delete design pages under serve: no stale or duplicate entries."""
    server = server_factory(*mode)
    docs = tmp_path / "docs"
    expected = {
        "a.md": ("Alpha", "Draft", 1),
        "b.md": ("Beta", "Approved", 0),
        "c.md": ("Gamma", "In Review", 1),
    }
    server.wait_for("first build", lambda s: consistent(s, expected))

    (docs / "a.md").write_text(
        design("Alpha Prime", "Approved", ("Which queue?", "Do we need retries?")), "utf-8"
    )
    expected["a.md"] = ("Alpha Prime", "Approved", 2)
    state = server.wait_for("edited a.md", lambda s: consistent(s, expected))
    assert state.questions.count("Do we need retries?") == 1
    assert state.questions.count("Which queue?") == 1
    page = BeautifulSoup(server.get("a/"), "html.parser")
    assert page.select_one("p.design-status span.design-badge")["data-design-status"] == "Approved"
    assert [s["id"] for s in page.select("li > span.design-question")] == [
        "q-which-queue",
        "q-do-we-need-retries",
    ]

    (docs / "d.md").write_text(design("Delta", "Implemented", ("Is it done?",)), "utf-8")
    expected["d.md"] = ("Delta", "Implemented", 1)
    state = server.wait_for("added d.md", lambda s: consistent(s, expected))
    assert "Is it done?" in state.questions

    (docs / "b.md").rename(docs / "b2.md")
    expected["b2.md"] = expected.pop("b.md")
    server.wait_for("renamed b.md to b2.md", lambda s: consistent(s, expected))

    (docs / "c.md").unlink()
    del expected["c.md"]
    state = server.wait_for("deleted c.md", lambda s: consistent(s, expected))
    assert "Who owns it?" not in state.questions
    assert sorted(state.questions) == sorted(["Which queue?", "Do we need retries?", "Is it done?"])

    assert server.process.poll() is None, server.output()
    output = server.output()
    assert "Traceback" not in output
    assert "ERROR" not in output
