"""Multilingual sites: one catalog per language under mkdocs-static-i18n.

mkdocs-static-i18n (1.x) builds a site once per language inside one ``mkdocs build``. The
default language is the build MkDocs starts; each other language is a *nested* ``build()`` that
i18n runs from its own ``on_post_build`` (priority -100), on the same configuration, with a
fresh ``Files``: the language's own pages, plus the default language's pages that have no
translation when ``fallback_to_default`` is on. Nested passes run every plugin event from
``on_config`` to ``on_post_build``; ``src_uri`` and the source paths stay the real ones, only
``dest_uri`` and ``url`` move under the language's folder (``fr/``).

So the plugin builds one catalog per pass from that pass's files, places the generated pages
under the same folder, gives them i18n's attributes (the Material language switcher reads
them), and reports findings once, after the last pass, one line per real file and problem.
The i18n plugin is found by its module, whatever name it is listed under. Nothing here runs
for a site without it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, NamedTuple

from mkdocs.structure.files import File, Files, get_files

from mkdocs_design import report as reporting
from mkdocs_design.output.labels import check_own, labels_for

if TYPE_CHECKING:
    import logging
    from collections.abc import Collection, Iterable, Sequence

    from mkdocs.config.defaults import MkDocsConfig

    from mkdocs_design.build import Build
    from mkdocs_design.config import DesignConfig
    from mkdocs_design.model import Finding
    from mkdocs_design.rules import Rules

#: The top-level package of mkdocs-static-i18n.
I18N_MODULE = "mkdocs_static_i18n"
_WORST = {"info": 0, "warn": 1, "error": 2}


@dataclass(frozen=True)
class Language:
    """The language one build pass is for.

    Attributes:
        code: This pass's language (``fr``).
        default: The site's default language, built at the site's root.
        built: Every language built, the default first.
        nested: Whether i18n runs this pass itself, after the build MkDocs started.
    """

    code: str
    default: str
    built: tuple[str, ...]
    nested: bool

    @property
    def prefix(self) -> str:
        """Where this language's pages go in the site: ``""`` for the default, else ``fr/``."""
        return "" if self.code == self.default else f"{self.code}/"

    def locales(self, files: Files) -> dict[str, str]:
        """The language each page is written in, by ``src_uri`` (a fallback: the default's)."""
        return {f.src_uri: str(getattr(f, "locale", self.code)) for f in files}


def find_i18n(config: MkDocsConfig) -> Any | None:
    """The mkdocs-static-i18n plugin of the site, if it has one, whatever it is named."""
    for plugin in config.plugins.values():
        module = type(plugin).__module__
        if module.split(".")[0] == I18N_MODULE and hasattr(plugin, "current_language"):
            return plugin
    return None


def is_nested(config: MkDocsConfig) -> bool:
    """Whether this build is a language pass i18n runs after the first (``on_config`` on)."""
    i18n = find_i18n(config)
    return bool(i18n is not None and getattr(i18n, "building", False))


def current(config: MkDocsConfig) -> Language | None:
    """The language of the running pass; ``None`` without i18n.

    Read in ``on_files`` or later: i18n sets the language of the first pass in its own
    ``on_config`` (-100), after ours.
    """
    i18n = find_i18n(config)
    if i18n is None:
        return None
    default = str(i18n.default_language)
    built = [str(code) for code in i18n.build_languages]
    code = str(i18n.current_language or default)
    order = (default, *(c for c in built if c != default))
    return Language(code, default, order, bool(getattr(i18n, "building", False)))


def localize(files: Files, build: Build, config: MkDocsConfig) -> None:
    """Give a language's catalog pages what i18n gives the site's pages, for switcher and sitemap.

    Their ``dest_uri`` is already under the language's folder (:mod:`~mkdocs_design.generated`).
    ``alternates`` names the same page in every built language, so Material's language
    switcher on ``/fr/design-catalog/`` leads to ``/design-catalog/``, not to the last page
    i18n saw (it keeps the previous page's links for a page without ``locale``).
    """
    language = build.language
    if language is None:
        return
    ours = set(build.rules.pages.paths.values())
    pages = [f for f in files if f.generated_by and f.src_uri in ours]
    for file in pages:
        natural = File(file.src_uri, None, config.site_dir, config.use_directory_urls).dest_uri
        alternates = {
            code: file
            if code == language.code
            else _placed(file.src_uri, config, replace(language, code=code).prefix + natural)
            for code in language.built
        }
        # The attributes i18n sets on its own files (suffix.py, folder.py: create_i18n_file).
        vars(file).update(
            locale=language.code,
            locale_alternate_of=language.code,
            localization=language.code if language.prefix else None,
            norm_src_uri=file.src_uri,
            alternates=alternates,
        )
    # i18n's sitemap lists the pages it saw in its on_files (before ours): add the catalog's.
    seen = getattr(find_i18n(config), "i18n_files_per_language", None)
    if isinstance(seen, dict) and isinstance(seen.get(language.code), list):
        seen[language.code].extend(pages)


class Reported(NamedTuple):
    """A finding once per real file, over every language's catalog.

    Attributes:
        place: ``path:line:column`` of the real file.
        finding: The finding (its message names the languages when not all of them have it).
        level: The most severe level any language gave it.
    """

    place: str
    finding: Finding
    level: str


def merged(builds: Iterable[Build]) -> list[Reported]:
    """Every language's findings, each once: by real path, line, column, code and message.

    A page read in several languages (a fallback) is one file, so its findings are reported
    once. A finding only some of the languages that read its page have (a disagreement with a
    translation) says which: ``(in the 'fr' catalog)``.
    """
    found: dict[tuple[str, str, str], list[Any]] = {}
    read: dict[str, set[str]] = {}
    for build in builds:
        code = build.language.code if build.language else ""
        for src in build.pages:
            read.setdefault(reporting.shown_path(build, src), set()).add(code)
        for finding, level in reporting.levelled(build):
            place = reporting.where(build, finding.location)
            key = (place, finding.code, finding.message)
            path = reporting.shown_path(build, finding.location.path)
            entry = found.setdefault(key, [finding, level, [], path])
            entry[2].append(code)
            if _WORST[level] > _WORST[entry[1]]:
                entry[1] = level
    out = []
    for (place, _, _), (finding, level, codes, path) in found.items():
        if set(codes) < read.get(path, set()):
            where = ", ".join(f"'{c}'" for c in codes)
            finding = replace(finding, message=f"{finding.message} (in the {where} catalog)")
        out.append(Reported(place, finding, level))
    return sorted(out, key=lambda r: (_sort_key(r.place), r.finding.message))


def report(builds: Sequence[Build], log: logging.Logger | logging.LoggerAdapter[Any]) -> list[str]:
    """Log every language's findings once (:func:`merged`); return those that fail the build.

    A site without i18n has one build, reported as always.
    """
    last = builds[-1]
    if last.language is None:
        return reporting.report(last, log)
    graph = last.rules.pages.views.get("graph")
    return reporting.log_findings(merged(builds), notes(builds), log, graph)


def notes(builds: Iterable[Build]) -> list[str]:
    """The build notes of every language (``SOURCE_DATE_EPOCH``), each once."""
    return list(dict.fromkeys(note for build in builds for note in build.notes))


def language_files(config: MkDocsConfig) -> list[tuple[Language, Files]] | None:
    """Each built language with the files its pass reads, as i18n picks them; ``None``: no i18n.

    For ``mkdocs-design check``, which builds nothing: i18n's own ``reconfigure_files`` (what
    its ``on_files`` runs) on the site's files, with the language set as a pass sets it.
    """
    i18n = find_i18n(config)
    if i18n is None:
        return None
    first = current(config)
    assert first is not None  # i18n is there
    saved = i18n.current_language
    found = []
    try:
        for code in first.built:
            i18n.current_language = code
            language = Language(code, first.default, first.built, code != first.default)
            found.append((language, _reconfigured(i18n, get_files(config), config, language)))
    finally:
        i18n.current_language = saved
    return found


def _reconfigured(i18n: Any, files: Files, config: MkDocsConfig, language: Language) -> Files:
    """i18n's choice of files for a language; a copy of its rules if it has no such method."""
    reconfigure = getattr(i18n, "reconfigure_files", None)
    if callable(reconfigure):
        return reconfigure(files, config)  # type: ignore[no-any-return]
    return Files(_fallback_choice(i18n, files, language))


def _fallback_choice(i18n: Any, files: Files, language: Language) -> list[File]:
    """mkdocs-static-i18n 1.x's rule: a page in the language, else the default's (fallback)."""
    folder = getattr(getattr(i18n, "config", None), "docs_structure", "suffix") == "folder"
    fallback = bool(getattr(getattr(i18n, "config", None), "fallback_to_default", True))
    codes = set(getattr(i18n, "all_languages", language.built))
    chosen: dict[str, tuple[str, File]] = {}
    for file in files.documentation_pages():
        locale, plain = _split(file.src_uri, codes, language.default, folder=folder)
        wanted = locale == language.code or (fallback and locale == language.default)
        if wanted and (plain not in chosen or locale == language.code):
            chosen[plain] = (locale, file)
    return [file for _, file in chosen.values()]


def _split(src_uri: str, codes: Collection[str], default: str, *, folder: bool) -> tuple[str, str]:
    """A page's language and its path without it: ``fr/a.md`` or ``a.fr.md`` → ``fr``, ``a.md``."""
    if folder:
        head, _, rest = src_uri.partition("/")
        return (head, rest) if head in codes and rest else (default, src_uri)
    stem, dot, ext = src_uri.rpartition(".")
    base, _, code = stem.rpartition(".")
    return (code, f"{base}{dot}{ext}") if base and code in codes else (default, src_uri)


def _placed(src_uri: str, config: MkDocsConfig, dest_uri: str) -> File:
    return File(src_uri, None, config.site_dir, config.use_directory_urls, dest_uri=dest_uri)


def _sort_key(place: str) -> tuple[str, int, int]:
    path, line, column = place.rsplit(":", 2)
    return path, int(line), int(column)


def page_language(config: MkDocsConfig) -> str | None:
    """The language pages are written in: the i18n pass's, else the theme's, if it says.

    Right from ``on_config`` on: i18n's pass language is set before the pass starts (its
    first pass takes the default language), and i18n keeps the theme's language in step.
    """
    language = current(config)
    if language is not None:
        return language.code
    for key in ("language", "locale"):  # Material's option; MkDocs' themes'
        value = config.theme.get(key)
        if value:
            return str(value)
    return None


def in_language(
    rules: Rules, options: DesignConfig, language: str | None, own_titles: Collection[str]
) -> Rules:
    """The rules with the catalog's words in ``language``: labels, and the pages' titles.

    Args:
        rules: The settled rules.
        options: The plugin's options (``catalog_labels``, ``*_title``).
        language: The pages' language (``None``: English).
        own_titles: The ``*_title`` options the site wrote: those titles win in every language.

    Raises:
        ValueError: When ``catalog_labels`` is not shaped like ``labels.yml``.
    """
    try:
        check_own(options.catalog_labels)
    except ValueError as error:
        raise ValueError(f"option 'catalog_labels': {error}") from None
    labels = labels_for(language, options.catalog_labels)
    views = {
        view: (path, title if f"{view}_title" in own_titles else labels[f"{view}_title"])
        for view, (path, title) in rules.pages.views.items()
    }
    return replace(rules, pages=replace(rules.pages, labels=labels, views=views))
