"""Translations compile without gettext tools, and an up-to-date catalog is left alone."""

import gettext
import io

from django.core.management import call_command

PO = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: tl\\n"

msgid "ホーム"
msgstr "Home"

#, fuzzy
msgid "ログイン"
msgstr "Mag-login"
"""


def test_po_files_compile_once_and_fuzzy_entries_are_left_out(settings, tmp_path):
    messages = tmp_path / "tl" / "LC_MESSAGES"
    messages.mkdir(parents=True)
    (messages / "django.po").write_text(PO, encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compile_catalogs", stdout=io.StringIO())
    mo = messages / "django.mo"
    catalog = gettext.GNUTranslations(mo.open("rb"))
    assert catalog.gettext("ホーム") == "Home"
    assert catalog.gettext("ログイン") == "ログイン"

    first_mtime = mo.stat().st_mtime_ns
    out = io.StringIO()
    call_command("compile_catalogs", stdout=out)
    assert "0 catalog(s) compiled." in out.getvalue()
    assert mo.stat().st_mtime_ns == first_mtime
