"""The ``mkdocs-design`` command line: check, list, new and explain without building."""

from mkdocs_design.cli.app import main

__all__ = ["main"]
