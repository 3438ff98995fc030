"""Print untranslated and fuzzy message counts per language: the to-do list after `makemessages`.

    .venv/bin/python scripts/po_status.py            # counts
    .venv/bin/python scripts/po_status.py --list tl  # the untranslated/fuzzy msgids of one language
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"
SOURCE_LANGUAGE = "ja"  # the msgids are Japanese: nothing to translate


def catalogs():
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        language = po_path.parent.parent.name
        if language != SOURCE_LANGUAGE:
            yield language, polib.pofile(str(po_path))


def main(argv: list[str]) -> int:
    if len(argv) == 3 and argv[1] == "--list":
        for language, catalog in catalogs():
            if language == argv[2]:
                for entry in catalog.untranslated_entries() + catalog.fuzzy_entries():
                    print(entry.msgid.replace("\n", "\\n"))
        return 0
    missing = 0
    print(f"{'language':10} {'total':>6} {'untranslated':>13} {'fuzzy':>6} {'done':>6}")
    for language, catalog in catalogs():
        entries = [entry for entry in catalog if not entry.obsolete]
        untranslated = len(catalog.untranslated_entries())
        fuzzy = len(catalog.fuzzy_entries())
        missing += untranslated + fuzzy
        print(f"{language:10} {len(entries):>6} {untranslated:>13} {fuzzy:>6} {catalog.percent_translated():>5}%")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
