"""Apply translations to locale/*/LC_MESSAGES/django.po and fix the catalog headers.

    .venv/bin/python scripts/po_apply.py FILE.json [...]   # {"msgid": {"en": "...", "zh_Hans": "...", ...}}
    .venv/bin/python scripts/po_apply.py --allauth         # allauth strings: en = msgid, zh_Hans/ko from allauth
    .venv/bin/python scripts/po_apply.py --django TL.json  # Django's strings: en = msgid, zh_Hans/ko from Django,
                                                           # Tagalog from TL.json

A key is the msgid, or "context\x04msgid" for a message with a context. A value may be a list for plural entries (one form per plural of that language). Only empty or fuzzy
entries are filled unless --force is given; placeholders must match the msgid or the entry is refused.
"""

import json
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "locale"
LANGUAGES = ("en", "zh_Hans", "ko", "tl", "ja_X-easy")
PLURAL_FORMS = {
    "en": "nplurals=2; plural=(n != 1);",
    "zh_Hans": "nplurals=1; plural=0;",
    "ko": "nplurals=1; plural=0;",
    "tl": "nplurals=2; plural=(n > 1);",
    "ja_X-easy": "nplurals=1; plural=0;",
}
PLACEHOLDER = re.compile(r"%\([a-zA-Z_]+\)[sdif]|%[sdif]|\{\{\s*\w+\s*\}\}|\{[a-z_]+\}")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def catalog(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"), wrapwidth=0)


def fix_header(po: polib.POFile, language: str) -> None:
    po.metadata["Plural-Forms"] = PLURAL_FORMS[language]
    po.metadata["Language"] = language
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.metadata["Project-Id-Version"] = "nerima-portal"
    po.metadata["Language-Team"] = language
    po.metadata["Last-Translator"] = "nerima-portal i18n"
    po.metadata_is_fuzzy = False


def set_entry(entry: polib.POEntry, value, language: str) -> bool:
    expected = placeholders(entry.msgid)
    values = value if isinstance(value, list) else [value]
    if any(placeholders(v) != expected and not (entry.msgid_plural and placeholders(v) == placeholders(entry.msgid_plural)) for v in values):
        print(f"placeholder mismatch [{language}] {entry.msgid!r} -> {values!r}", file=sys.stderr)
        return False
    if entry.msgid_plural:
        count = int(re.search(r"nplurals=(\d)", PLURAL_FORMS[language]).group(1))
        forms = (values * count)[:count] if len(values) < count else values[:count]
        entry.msgstr_plural = dict(enumerate(forms))
    else:
        entry.msgstr = values[0]
    if "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
        entry.previous_msgid = None
        entry.previous_msgid_plural = None
        entry.previous_msgctxt = None
    return True


def apply(files: list[str], force: bool) -> None:
    table: dict[str, dict] = {}
    for name in files:
        table.update(json.loads(Path(name).read_text(encoding="utf-8")))
    for language in LANGUAGES:
        po = catalog(language)
        fix_header(po, language)
        filled = 0
        for entry in po:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            if entry.obsolete or key not in table or language not in table[key]:
                continue
            if entry.translated() and "fuzzy" not in entry.flags and not force:
                continue
            filled += set_entry(entry, table[key][language], language)
        po.save()
        print(f"{language}: {filled} filled")


def apply_allauth() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    from allauth_messages import account_entries, allauth_catalog

    ours = {(e.msgctxt, e.msgid) for e in account_entries()}
    for language in LANGUAGES:
        po = catalog(language)
        fix_header(po, language)
        theirs = {}
        if language in ("zh_Hans", "ko"):
            theirs = {(e.msgctxt, e.msgid): e for e in allauth_catalog(language) if e.translated()}
        filled = 0
        for entry in po:
            key = (entry.msgctxt, entry.msgid)
            if key not in ours or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            if language == "en":
                filled += set_entry(entry, [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid, language)
            elif key in theirs:
                source = theirs[key]
                value = [source.msgstr_plural[k] for k in sorted(source.msgstr_plural)] if entry.msgid_plural else source.msgstr
                filled += set_entry(entry, value, language)
        po.save()
        print(f"{language}: {filled} allauth strings filled")


def apply_django(tagalog_file: str) -> None:
    """Django's strings we show (community/i18n/django_messages.py): en = msgid, zh_Hans/ko from Django's own
    catalogs, Tagalog from a {"context\x04msgid" or "msgid": value} file."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import django
    from django_messages import entries

    ours = {(e.msgctxt, e.msgid) for e in entries()}
    tagalog = json.loads(Path(tagalog_file).read_text(encoding="utf-8"))
    base = Path(django.__file__).parent
    for language in ("en", "zh_Hans", "ko", "tl"):
        po = catalog(language)
        fix_header(po, language)
        theirs = {}
        if language in ("zh_Hans", "ko"):
            for path in ("conf/locale", "contrib/auth/locale", "contrib/humanize/locale"):
                django_po = polib.pofile(str(base / path / language / "LC_MESSAGES" / "django.po"))
                theirs.update({(e.msgctxt, e.msgid): e for e in django_po if e.translated()})
        filled = 0
        for entry in po:
            key = (entry.msgctxt, entry.msgid)
            if key not in ours or (entry.translated() and "fuzzy" not in entry.flags):
                continue
            if language == "en":
                filled += set_entry(entry, [entry.msgid, entry.msgid_plural] if entry.msgid_plural else entry.msgid, language)
            elif language == "tl":
                name = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
                if name in tagalog:
                    filled += set_entry(entry, tagalog[name], language)
            elif key in theirs:
                source = theirs[key]
                value = [source.msgstr_plural[k] for k in sorted(source.msgstr_plural)] if entry.msgid_plural else source.msgstr
                filled += set_entry(entry, value, language)
        po.save()
        print(f"{language}: {filled} Django strings filled")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--force"]
    if args == ["--allauth"]:
        apply_allauth()
    elif args[:1] == ["--django"]:
        apply_django(args[1])
    else:
        apply(args, force="--force" in sys.argv)
