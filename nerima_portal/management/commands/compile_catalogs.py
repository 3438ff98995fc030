"""Compile locale/*.po into .mo with pure Python, so `make run` needs no gettext tools; up-to-date files are skipped."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "翻訳ファイル（.po）を .mo にコンパイルします（更新のないものは飛ばします）。"

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in map(Path, settings.LOCALE_PATHS):
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                # Like msgfmt: fuzzy and untranslated entries are left out.
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                compiled += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"{compiled} catalog(s) compiled.")
