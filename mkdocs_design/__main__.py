"""``python -m mkdocs_design``: the same as the ``mkdocs-design`` command."""

from mkdocs_design.cli.app import main

main()
