"""The design template shipped in the package: ground truth for sections and placeholders."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def template_text() -> str:
    """The template's Markdown, as ``mkdocs-design new`` writes it."""
    return resources.files(__package__).joinpath("template.md").read_text(encoding="utf-8")
