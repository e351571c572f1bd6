"""A component's name as a catalog lists it, and the file path written with it.

``#### 1. Agent Handler (`handlers/agent.go`)``, ``### Component 3: User DB Functions
(`src/lib/db.ts` — extension)``, ``### `src/index.ts` - CLI 入口``, ``### Слой 2: Модуль API``
and ``### 2.2 隐藏消息窗口（`ClipboardMessageWindow`）`` name ``Agent Handler``, ``User DB
Functions``, ``CLI 入口``, ``Модуль API`` and ``隐藏消息窗口``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mkdocs_design.reading.text import NUMBERING, fold, plain_text

# "Component 3:", "Layer 2 -", "Слой 1:", "组件 2：": a counted word before the name.
_COUNTED = re.compile(r"^(?P<word>[^\W\d_]{1,30})\s*(?:\d+(?:\.\d+)*|[IVX]+)\s*[:：.—–-]\s*(?=\S)")
_COUNTED_WORDS = frozenset(
    fold(w) for w in (
        "component", "layer", "module", "part", "step", "phase", "service", "компонент", "слой",
        "модуль", "组件", "元件", "模块", "层", "コンポーネント", "モジュール", "컴포넌트", "모듈",
        "componente", "módulo", "komponente", "modul", "composant", "couche",
    )
)  # fmt: skip
# A trailing annotation in half- or full-width parentheses: "(`path`)", "（SQLAlchemy）".
_ANNOTATION = re.compile(r"[(（](?P<note>[^()（）]*)[)）]\s*$")
# "`src/index.ts` - Name": the path first, then the name.
_PATH_FIRST = re.compile(r"^`(?P<path>[^`]+)`\s*(?:[-—–:：]|\s)\s*(?P<name>[^`].*)$")
_FILE_PREFIX = re.compile(r"^(?:file|module|package)\s*:\s*", re.I)
_CODE = re.compile(r"`([^`]+)`")
_PATHLIKE = re.compile(r"^[\w@~.-]*(?:/[\w@.-]+)+/?$|^[\w@-]+\.[A-Za-z][\w]{0,7}$")


@lru_cache(maxsize=8192)  # template component headings repeat across pages
def component_name(title: str) -> tuple[str, str | None]:
    """Split a component heading's source into its name and the file path given with it."""
    raw = NUMBERING.sub("", title.strip())
    if (counted := _COUNTED.match(raw)) and fold(counted.group("word")) in _COUNTED_WORDS:
        raw = raw[counted.end() :]
    path = None
    if raw.startswith("`") and (first := _PATH_FIRST.match(raw)):
        path, raw = first.group("path"), first.group("name")
    while (note := _ANNOTATION.search(raw)) and note.start() > 0:
        path = path or _path_in(note.group("note"))
        raw = raw[: note.start()].rstrip()
    if ":" in raw:
        raw = _FILE_PREFIX.sub("", raw)
    name = plain_text(raw).strip()
    if (code := _CODE.fullmatch(raw.strip())) and _PATHLIKE.match(code.group(1)):
        path = path or str(code.group(1))
    return name or path or title.strip(), path


def _path_in(note: str) -> str | None:
    """The file path in an annotation: ``(`src/db.ts` — extension)``, ``(src/x.ts)``."""
    for candidate in (*_CODE.findall(note), *note.split()):
        candidate = str(candidate).strip(" ,;")
        if _PATHLIKE.match(candidate) and not candidate.startswith("/"):
            return candidate
    return None
