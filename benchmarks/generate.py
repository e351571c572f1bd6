"""Generate a realistic, deterministic MkDocs site of design documents for benchmarks.

Each design page follows the packaged template (``mkdocs_design/template.md``): a ``Design:``
title, Created and Status lines, the template's sections (some left out, as real authors do),
2-6 components with responsibility, dependencies, a public interface and key behaviours,
open and resolved questions, and, on about one page in five, a few template placeholders
left unfilled. About 10% of the pages are ordinary guides and runbooks. Pages live in team
folders. The same ``seed`` always gives byte-identical files.

Usage::

    python benchmarks/generate.py OUT --designs 1000 --seed 1 --theme material

or, from Python, ``generate_site(Path("out"), designs=1000, seed=1)``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import posixpath
import random
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

TEAMS = ("platform", "billing", "shipments", "identity", "search", "mobile", "data", "payments")
STATUSES = (
    ("Draft", 22), ("WIP", 3), ("In Review", 12), ("Proposed", 3), ("Approved", 20),
    ("Accepted", 4), ("Implemented", 20), ("Deferred", 5), ("Rejected", 4),
    ("Superseded", 4), ("Deprecated", 3),
)  # fmt: skip
DOMAIN = (
    "Invoice", "Shipment", "Tenant", "Webhook", "Token", "Audit", "Search", "Notification",
    "Carrier", "Label", "Ledger", "Quota", "Session", "Report", "Manifest", "Customs", "Route",
    "Warehouse", "Payout", "Refund", "Catalog", "Pricing", "Tracking", "Identity", "Export",
)  # fmt: skip
FEATURE = (
    "Reconciliation", "Sync", "Gateway", "Pipeline", "Scheduler", "Dashboard", "Importer",
    "Archive", "Rollup", "Migration", "Federation", "Throttling", "Replay", "Forecasting",
    "Deduplication", "Enrichment", "Versioning", "Backfill", "Alerts", "Sharding",
)  # fmt: skip
ROLE = (
    "Writer", "Reader", "Cache", "Worker", "Router", "Registry", "Validator", "Publisher",
    "Consumer", "Scheduler", "Store", "Adapter", "Resolver", "Planner", "Notifier",
)  # fmt: skip
EXTERNAL = ("Stripe", "AWS S3", "Twilio", "SendGrid", "Okta", "ClickHouse Cloud", "Google Maps")
VERBS = ("batches", "retries", "validates", "deduplicates", "partitions", "caches", "signs")
PLACEHOLDERS = (
    "[Rate limits per user/IP]", "[X days]", "[Component Name]", "[Metric 1, e.g., \"Request "
    "latency (p50, p95, p99)\"]", "[Rollback step 1]", "[What data is cached]",
    "[Link to requirements document]", "[Question or decision that needs resolution before "
    "implementation]",
)  # fmt: skip
LANGUAGES = ("python", "go", "typescript")


@dataclass
class Plan:
    """One design page before it is written: who it is and how it links to the others."""

    title: str
    path: str
    components: list[str]
    depends_on: list[Plan] = field(default_factory=list)
    used_by: list[Plan] = field(default_factory=list)


def generate_site(root: Path, designs: int = 1000, seed: int = 0, theme: str = "mkdocs") -> Path:
    """Write ``mkdocs.yml`` and ``docs/`` under ``root``; return the configuration file.

    Args:
        root: Folder to write in (created if needed; existing pages are overwritten).
        designs: Number of design pages; ordinary pages add about 10% to the total.
        seed: Seed of the random choices; the same seed gives the same files.
        theme: ``mkdocs`` or ``material``.
    """
    if theme not in ("mkdocs", "material"):
        raise ValueError(f"theme must be 'mkdocs' or 'material', not {theme!r}")
    rng = random.Random(seed)
    docs = root / "docs"
    for plan in plan_designs(rng, designs):
        _write(docs / plan.path, design_page(rng, plan))
    for index in range(max(1, designs // 9)):
        team = TEAMS[index % len(TEAMS)]
        _write(docs / team / "guides" / f"guide-{index:04d}.md", ordinary_page(rng, index))
    _write(docs / "index.md", "# Engineering designs\n\nDesign documents of every team.\n")
    config = root / "mkdocs.yml"
    _write(config, yaml.safe_dump(site_config(theme), sort_keys=False))
    return config


def site_config(theme: str) -> dict[str, object]:
    """The ``mkdocs.yml`` settings: the sample site's extensions and the design plugin."""
    return {
        "site_name": "Generated designs",
        "theme": {"name": theme},
        "plugins": ["search", "design"],
        "markdown_extensions": [
            {"toc": {"permalink": True}},
            "admonition",
            "attr_list",
            {"pymdownx.tasklist": {"custom_checkbox": True}},
            "pymdownx.superfences",
        ],
    }


def plan_designs(rng: random.Random, count: int) -> list[Plan]:
    """Titles, team folders, components and a consistent Depends On / Used By graph."""
    plans: list[Plan] = []
    seen: set[str] = set()
    while len(plans) < count:
        title = f"{rng.choice(DOMAIN)} {rng.choice(FEATURE)}"
        if title in seen:
            title = f"{title} {len(plans) + 2}"
        seen.add(title)
        team = TEAMS[len(plans) % len(TEAMS)]
        roles = rng.sample(ROLE, rng.randint(2, 6))
        plans.append(Plan(title, f"{team}/{_slug(title)}.md", [f"{title} {r}" for r in roles]))
    for index, plan in enumerate(plans[1:], 1):
        plan.depends_on = rng.sample(plans[:index], min(index, rng.randint(0, 3)))
        for other in plan.depends_on:
            other.used_by.append(plan)
    return plans


def design_page(rng: random.Random, plan: Plan) -> str:
    """One design page from the template, with realistic content and, sometimes, holes."""
    status = rng.choices([s for s, _ in STATUSES], [w for _, w in STATUSES])[0]
    created = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(1200))
    parts = [
        f"# Design: {plan.title}\n\n**Created:** {created.isoformat()}  \n**Status:** {status}\n",
        _overview(rng, plan.title),
        _context(rng, plan),
        _components(rng, plan),
        *_optional_sections(rng, plan.title),
        _questions(rng),
        _alternatives(rng),
        _timeline(rng),
        "## References\n\n"
        + "".join(f"- [{o.title}]({_relative(plan, o)})\n" for o in plan.depends_on),
    ]
    lines = "\n".join(parts).split("\n")
    if rng.random() < 0.2:  # about one page in five keeps a few template placeholders
        spots = _blank_lines_outside_code(lines)
        for hole in rng.sample(PLACEHOLDERS, rng.randint(1, 3)):
            lines[rng.choice(spots)] = f"\n{hole}\n"
    return "\n".join(lines)


def _blank_lines_outside_code(lines: list[str]) -> list[int]:
    spots, fenced = [], False
    for index, line in enumerate(lines):
        fenced ^= line.startswith("```")
        if index > 5 and not fenced and not line.strip():
            spots.append(index)
    return spots


def _relative(plan: Plan, other: Plan) -> str:
    return posixpath.relpath(other.path, posixpath.dirname(plan.path))


def _overview(rng: random.Random, title: str) -> str:
    sentences = [
        f"{title} {rng.choice(VERBS)} work that today runs as a nightly cron job.",
        f"It moves the logic behind a queue so that retries are per item, not per batch, "
        f"and p95 latency drops from {rng.randint(2, 9)} s to {rng.randint(80, 400)} ms.",
        "Owners are paged only when the dead-letter queue grows for more than ten minutes.",
    ]
    return "## Architecture Overview\n\n" + textwrap.fill(" ".join(sentences), 90) + "\n"


def _context(rng: random.Random, plan: Plan) -> str:
    depends = ", ".join(o.title for o in plan.depends_on) or "None"
    used_by = ", ".join(o.title for o in plan.used_by) or "None"
    return (
        "## System Context\n\nHow this feature integrates with the existing system:\n\n"
        f"- **Depends On:** {depends}\n- **Used By:** {used_by}\n"
        f"- **External Dependencies:** {rng.choice(EXTERNAL)}\n"
    )


def _components(rng: random.Random, plan: Plan) -> str:
    blocks = ["## Component Structure\n\n### Components\n"]
    elsewhere = [c for other in plan.depends_on for c in other.components]
    for number, name in enumerate(plan.components, 1):
        language = rng.choice(LANGUAGES)
        pool = [*plan.components[: number - 1], *elsewhere]
        depends = rng.sample(pool, min(len(pool), 2))
        blocks.append(
            f"#### {number}. {name}\n\n"
            f"**Responsibility:** {rng.choice(VERBS).capitalize()} {name.lower()} requests.\n\n"
            "**Dependencies:**\n"
            + ("".join(f"- {d}\n" for d in depends) or "- None\n")
            + f"\n**Public Interface:**\n```{language}\n{_interface(language, name)}\n```\n\n"
            "**Key Behaviors:**\n"
            f"- Retries {rng.randint(2, 5)} times with exponential backoff\n"
            f"- Emits `{_slug(name)}.processed.v1` after each item\n"
        )
    return "\n".join(blocks)


def _interface(language: str, name: str) -> str:
    kind = name.replace(" ", "")
    if language == "python":
        return f"class {kind}:\n    def handle(self, item: Item) -> Result:\n        ..."
    if language == "go":
        return f"type {kind} interface {{\n\tHandle(ctx context.Context, it Item) error\n}}"
    return f"interface {kind} {{\n  handle(item: Item): Promise<Result>;\n}}"


def _optional_sections(rng: random.Random, title: str) -> list[str]:
    sections = {
        "Data Flow": "```\n[Client] --> [API] --> [Queue] --> [Worker] --> [Store]\n```\n\n"
        "1. **Accept:** the API validates and enqueues the request.\n"
        "2. **Process:** a worker picks it up and writes the result.\n",
        "API Contracts": f"### Endpoint: `POST /v1/{_slug(title)}`\n\n"
        '**Purpose:** starts a run.\n\n```json\n{"tenant_id": "t_123", "dry_run": false}\n```\n',
        "Data Models": "### Run\n\n```typescript\ninterface Run {\n  id: string;\n"
        "  startedAt: Date;\n}\n```\n",
        "Security Considerations": "- Service-to-service calls use mTLS\n"
        "- Tenant ids are checked on every read\n",
        "Performance Considerations": f"- Target: {rng.randint(200, 5000)} items per second\n"
        "- Hot keys are cached for 60 s\n",
        "Testing Strategy": "- Unit tests for each component\n- A replay test on a day of "
        "production traffic\n",
        "Deployment Strategy": "1. Ship behind a flag\n2. Enable for internal tenants\n"
        "3. Roll out by region\n",
        "Monitoring & Observability": "- Queue depth and age\n- Error rate by tenant\n",
    }
    chosen = [name for name in sections if rng.random() < 0.7]
    return [f"## {name}\n\n{sections[name]}" for name in chosen]


def _questions(rng: random.Random) -> str:
    items = []
    for number in range(rng.randint(0, 5)):
        box = "x" if rng.random() < 0.4 else " "
        items.append(f"- [{box}] Should we shard by tenant or by region (option {number + 1})?\n")
    return "## Open Questions\n\n" + ("".join(items) or "None at the moment.\n")


def _alternatives(rng: random.Random) -> str:
    name = rng.choice(("Keep the cron job", "Buy a SaaS product", "Extend the monolith"))
    return (
        f"## Alternatives Considered\n\n### Alternative 1: {name}\n\n"
        "**Description:** Do less now.\n\n**Rejected Because:** it does not scale past "
        f"{rng.randint(2, 20)} tenants per minute.\n"
    )


def _timeline(rng: random.Random) -> str:
    return (
        f"## Timeline Estimate\n\n- Implementation: {rng.randint(5, 30)} days\n"
        f"- Testing: {rng.randint(2, 10)} days\n"
    )


def ordinary_page(rng: random.Random, index: int) -> str:
    """A guide or runbook: headings and prose, never a design page."""
    topic = f"{rng.choice(DOMAIN)} {rng.choice(('runbook', 'onboarding', 'FAQ', 'how-to'))}"
    steps = "".join(f"{n}. Run `make step-{n}` and check the dashboard.\n" for n in range(1, 6))
    return (
        f"# {topic.capitalize()} ({index})\n\n## Before you start\n\nYou need VPN access.\n\n"
        f"## Steps\n\n{steps}\n## Troubleshooting\n\nAsk in #platform-help.\n"
    )


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("root", type=Path, help="folder to write the site in")
    parser.add_argument("--designs", type=int, default=1000, help="design pages (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--theme", choices=("mkdocs", "material"), default="mkdocs")
    args = parser.parse_args()
    config = generate_site(args.root, designs=args.designs, seed=args.seed, theme=args.theme)
    print(config)


if __name__ == "__main__":
    main()
