"""mkdocs-design: a living design catalog for design documents written in MkDocs."""

from mkdocs_design.model import (
    Alternative,
    Component,
    DesignDoc,
    Finding,
    Location,
    Placeholder,
    Question,
    Section,
    Severity,
    Status,
)

__version__ = "0.1.0"

__all__ = [
    "Alternative",
    "Component",
    "DesignDoc",
    "Finding",
    "Location",
    "Placeholder",
    "Question",
    "Section",
    "Severity",
    "Status",
    "__version__",
]
