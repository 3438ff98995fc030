"""Load at process start what a first request would otherwise load, so a fresh worker answers like a warm one.

Called by nerima_portal/wsgi.py once the application is built (each gunicorn worker imports it; with --preload the
master does, before forking, and the workers share the result). Without it the first visitor of each worker waited
for every view module, template and translation catalog to load, and a ふりがな page for pykakasi's dictionary
(about 0.9 s of CPU).
"""

import gc
import logging
import time
from pathlib import Path

logger = logging.getLogger("nerima.warmup")


def _template_names(engine) -> list[str]:
    """Every template of the project's folder (the portal's pages; the admin's stay lazy)."""
    names = set()
    for directory in engine.engine.dirs:
        root = Path(directory)
        names |= {str(path.relative_to(root)) for path in root.rglob("*.html")}
    return sorted(names)


def _load_templates() -> int:
    from django.template import engines

    loaded = 0
    for engine in engines.all():
        for name in _template_names(engine):
            try:
                engine.get_template(name)
                loaded += 1
            except Exception:  # noqa: BLE001 S112 (a template that only compiles in its app's context is skipped)
                continue
    return loaded


def _namespaced_names(resolver, namespace: str = "") -> list[str]:
    """One URL name of each namespace under `resolver`, recursively ("cafes:index", "volunteers:…")."""
    names = []
    for name, (_prefix, child) in resolver.namespace_dict.items():
        path = f"{namespace}{name}:"
        first = next((key for key in child.reverse_dict if isinstance(key, str)), None)
        if first is not None:
            names.append(path + first)
        names += _namespaced_names(child, path)
    return names


def _load_urls() -> int:
    """The URL tables of every language. Django builds them per language on first use, and every page reverses
    its own address in all six languages (the hreflang links): a fresh worker's first page spent 0.6 s here."""
    from django.conf import settings
    from django.urls import NoReverseMatch, get_resolver, reverse
    from django.utils import translation

    resolver = get_resolver()
    resolver.url_patterns  # noqa: B018 (imports every view module)
    names = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names = [*(key for key in resolver.reverse_dict if isinstance(key, str))][:1] + _namespaced_names(resolver)
            for name in names:  # each namespace's resolver is built and filled on its first reverse in a language
                try:
                    reverse(name)
                except NoReverseMatch:
                    pass  # a name that needs arguments: the tables are filled all the same
    return len(names)


def _load_catalogs() -> None:
    from django.conf import settings
    from django.utils import translation

    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("ホーム")


def _page_texts() -> list[str]:
    """Japanese text every page or list shows: the interface strings and the ward's areas and towns."""
    from django.db import DatabaseError
    from django.utils.translation import trans_real

    from community.models import Area, Town

    texts = set()
    for key in trans_real.translation("en")._catalog.keys():  # the msgids are the Japanese originals
        msgid = key[0] if isinstance(key, tuple) else key  # plural forms are keyed (msgid, n)
        texts.add(msgid.split("\x04")[-1])  # pgettext keys are context + EOT + msgid
    try:
        texts |= set(Area.objects.values_list("name", flat=True)) | set(Town.objects.values_list("name", flat=True))
    except DatabaseError:
        # The database restarting while a worker starts must not keep the worker from starting (gunicorn gives up
        # on a server whose workers fail to boot): the names' readings are then made on first use.
        logger.exception("warm-up without the areas' and towns' names: the database did not answer")
    return sorted(texts)


def _load_readings() -> int:
    """pykakasi's dictionary, and the readings of the interface text (a ふりがな page is mostly that)."""
    from community.i18n.furigana import _converter, text_with_readings

    _converter()
    texts = _page_texts()
    for text in texts:
        text_with_readings(text)
    return len(texts)


def warm_up() -> None:
    """Load what every page needs (each gunicorn worker then asks itself for each page: warm_pages.py)."""
    from django.db import connections

    started = time.perf_counter()
    _load_urls()
    templates = _load_templates()
    _load_catalogs()
    try:
        readings = _load_readings()
    finally:
        # A connection opened here must not be shared by forked workers (gunicorn --preload).
        connections.close_all()
    # What was loaded lives as long as the process: out of the collector's sight, so that a full collection scans
    # what requests make, not half a million dictionary and template objects (about 0.4 s each time, measured).
    gc.collect()
    gc.freeze()
    logger.info("warm in %.2f s: %d templates, readings of %d texts", time.perf_counter() - started, templates, readings)
