"""Issue 18's pages keep the language rules with data the demo does not always reach: an organization's headcount
and QR check-in pages, the resident's QR code, volunteer hours on both sides, the report's tables and charts.

The crawl (test_crawl.py) walks the demo; here each page is filled with names and titles nobody translated, read
in English and Tagalog, and checked with the same rules (page_language.py).
"""

import datetime as dt
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from community.figures import Table
from community.services.headcounts import checkin_token
from community.services.signups import signup_create
from progress.charts import bar_chart
from projects.figures import stage_label
from projects.models import Stage
from tests.conftest import make_session, make_user
from tests.i18n.page_language import language_problems
from tests.volunteers.factories_college import make_opening
from volunteers.models import OpeningApplication
from volunteers.services import hours as hours_services

pytestmark = pytest.mark.django_db
LANGUAGES = ["en", "tl"]
NAME_MARKED = '<span lang="ja" translate="no">{}</span>'


def _get(client, language, name, *args):
    with translation.override(language):
        url = reverse(name, args=args)
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.fixture
def held(listing):
    session = make_session(listing, days=1)
    signup = signup_create(session=session, user=make_user("sanka@example.jp", name="参加 花子"), party_size=2)
    start = timezone.now() - dt.timedelta(minutes=30)
    session.starts_at, session.ends_at = start, start + dt.timedelta(hours=2)
    session.save(update_fields=["starts_at", "ends_at"])
    return session, signup


@pytest.mark.parametrize("language", LANGUAGES)
def test_headcount_and_check_in_pages_mark_names_and_titles(client, org_member, held, language):
    session, signup = held
    client.force_login(org_member)
    headcount = _get(client, language, "community:session_headcount", session.listing.organization_id, session.pk)
    checkin = _get(client, language, "community:signup_checkin", checkin_token(signup))
    assert language_problems(headcount, language) == []
    assert language_problems(checkin, language) == []
    assert NAME_MARKED.format("参加 花子") in checkin
    assert NAME_MARKED.format(session.listing.title) in headcount


def test_the_qr_code_title_holds_no_untranslated_japanese(client, held):
    session, signup = held
    session.starts_at = timezone.now() + dt.timedelta(hours=1)
    session.ends_at = session.starts_at + dt.timedelta(hours=2)
    session.save(update_fields=["starts_at", "ends_at"])
    client.force_login(signup.user)
    page = _get(client, "en", "community:mypage")
    title = re.search(r'class="checkin-qr" role="img"[^>]*><title>([^<]*)</title>', page).group(1)
    # A <title> cannot mark part of itself: the untranslated listing title gives way to the date.
    assert title.startswith("QR code") and not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", title), title
    assert language_problems(page, "en") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_volunteer_hours_pages_mark_the_organization_the_opening_and_the_volunteer(
    client, resident, org_member, organization, language
):
    opening = make_opening(organization)
    OpeningApplication.objects.create(opening=opening, user=resident, message="やります",
                                      status=OpeningApplication.Status.ACCEPTED, decided_at=timezone.now())
    hours_services.hours_report(user=resident, organization=organization, opening=opening,
                                activity_on=timezone.localdate(), hours=2, note="倉庫の鍵を返しました")
    client.force_login(resident)
    mine = _get(client, language, "volunteers:my_hours")
    client.force_login(org_member)
    theirs = _get(client, language, "volunteers:org_hours", organization.pk)
    assert language_problems(mine, language) == []
    assert language_problems(theirs, language) == []
    assert NAME_MARKED.format(organization.name) in mine
    assert NAME_MARKED.format(resident.get_full_name()) in theirs
    assert mine.count("ja-only-note") == 1 and theirs.count("ja-only-note") == 1  # one notice for the row


def test_the_plans_stage_names_come_from_the_catalogs_and_a_stages_own_translation_wins(db):
    # name_ja: modeltranslation writes `name` into the active language's column.
    stage = Stage(name_ja="スタートアップ", level=1, ceiling_yen=300_000)
    own = Stage(name_ja="独自の段階", level=2, ceiling_yen=1)
    with translation.override("en"):
        assert stage_label(stage) == "Start-up"
        assert stage_label(own) == "独自の段階"  # not the plan's: the Japanese, which the report's table marks
        stage.name_en = "Seed"
        assert stage_label(stage) == "Seed"
    with translation.override("ja"):
        assert stage_label(stage) == "スタートアップ"


def test_a_label_left_in_japanese_is_marked_in_the_table_and_chart_with_one_notice():
    table = Table(key="t", title="Applications", columns=["Stage", "Applied"], rows=[["独自の段階", 2], ["Start-up", 1]])
    with translation.override("en"):
        item = {"table": table, "chart": bar_chart(table, chart_id="c")}
        html = "<main>" + render_to_string("progress/_table.html", {"item": item, "show_chart": True}) + "</main>"
        assert language_problems(html, "en") == []
        assert '<text x="0" y="17" class="chart__row" lang="ja">独自の段階</text>' in html
        assert html.count("ja-only-note") == 1
    with translation.override("ja"):
        html = render_to_string("progress/_table.html", {"item": {"table": table, "chart": ""}})
        assert "ja-only-note" not in html and 'lang="ja"' not in html


@pytest.mark.parametrize("language", ["en", "zh-hans", "ko", "tl"])
def test_progress_and_open_data_pages_keep_the_rules(client, language):
    for name in ("progress:index", "opendata:index", "opendata:api_docs"):
        page = _get(client, language, name)
        assert language_problems(page, language) == [], name
    opendata = _get(client, language, "opendata:index")
    assert NAME_MARKED.format("イベント一覧") in opendata  # the standard's own name beside the translated one
    assert 'hreflang="' in opendata and "deed.ja" not in opendata
