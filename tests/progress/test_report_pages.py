"""The admin report (who may see it, the charts page, a CSV per section) and the public 「計画の進み具合」 page."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.urls import reverse

from community.exports import BOM
from progress.selectors.sections import SECTIONS
from tests.conftest import make_user

REPORT = "/admin/progress/report/"


def test_ward_staff_and_coordinators_see_the_report_with_every_section(client, world, staff, coordinator):
    for user in (staff, coordinator):
        client.force_login(user)
        response = client.get(REPORT, {"year": 2025})
        body = response.content.decode()
        assert response.status_code == 200 and "2025年度（令和7年度）" in body
        for section in SECTIONS:
            assert f'id="{section.key}"' in body and str(section.heading) in body
        assert "相談受付（分野・お住まいの地域別）" in body  # staff-only tables are in the staff report


def test_staff_without_the_permission_are_refused_and_visitors_sent_to_log_in(client, world):
    clerk = make_user("clerk@example.jp", is_staff=True)
    client.force_login(clerk)
    assert client.get(REPORT).status_code == 403
    assert client.get(reverse("admin:progress_report_csv", args=["grants"])).status_code == 403
    assert client.get(reverse("admin:progress_report_charts")).status_code == 403
    clerk.user_permissions.add(*Permission.objects.filter(content_type__app_label="progress", codename="view_report"))
    assert client.get(REPORT).status_code == 200
    client.logout()
    assert client.get(REPORT).status_code == 302
    resident = make_user("r@example.jp")
    client.force_login(resident)
    assert client.get(REPORT).status_code == 302  # not staff: the admin's own login


def test_an_unknown_year_is_explained_and_the_current_year_shown(client, staff):
    client.force_login(staff)
    response = client.get(REPORT, {"year": "1999"})
    assert response.status_code == 400 and "1999年度は選べません" in response.content.decode()


def test_the_charts_page_draws_an_svg_per_table_with_a_name(client, world, staff):
    client.force_login(staff)
    body = client.get(reverse("admin:progress_report_charts"), {"year": 2025}).content.decode()
    assert body.count('<svg class="chart" role="img"') >= 20
    assert '<title id="chart-care_cafes-care_cafes-title">街かどケアカフェの数（種類・地域別）</title>' in body


def test_each_section_downloads_as_csv_that_parses_back(client, world, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:progress_report_csv", args=["care_cafes"]), {"year": 2025})
    text = response.content.decode()
    assert response["Content-Type"] == "text/csv; charset=utf-8" and text.startswith(BOM)
    assert "shisaku1-2025-care_cafes.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM))))
    assert rows[0] == ["2025年度（令和7年度） （1）街かどケアカフェの充実"]
    header = rows.index(["種類", "練馬", "光が丘", "石神井", "大泉", "計", "前年度末", "増減"])
    assert ["コンビニ・薬局連携型", "0", "1", "0", "0", "1", "0", "1"] in rows[header:header + 5]
    assert client.get(reverse("admin:progress_report_csv", args=["nothing"])).status_code == 404


def test_the_public_page_shows_the_plans_words_beside_the_figures(client, world):
    body = client.get(reverse("progress:index"), {"year": 2025}).content.decode()
    assert "計画の進み具合" in body and "相談情報ひろばを増設します。" in body
    assert "開いていた相談情報ひろば" in body and "相談受付（分野別の件数）" in body
    assert "相談受付（分野・お住まいの地域別）" not in body  # staff only


def test_one_area_and_a_bad_area_on_the_public_page(client, world):
    body = client.get(reverse("progress:index"), {"year": 2025, "area": "oizumi"}).content.decode()
    assert "2025年度（令和7年度）・大泉" in body and "<th scope=\"col\">練馬</th>" not in body
    refused = client.get(reverse("progress:index"), {"year": 2025, "area": "mars"})
    assert refused.status_code == 400 and "その地域は選べません" in refused.content.decode()


def test_the_public_csv_has_no_staff_only_table(client, world):
    text = client.get(reverse("progress:csv", args=["plazas"]), {"year": 2025}).content.decode()
    assert "相談受付（分野別の件数）" in text and "お住まいの地域別" not in text


def _more_sessions(world, count):
    """`count` more held sessions with a headcount each, bulk-created (the budget must not grow with them)."""
    import datetime as dt

    from community.models import Headcount, Session
    from tests.progress.conftest import at

    start = at(2025, 6, 1)
    sessions = Session.objects.bulk_create([
        Session(listing=world.cafe, starts_at=start + dt.timedelta(hours=n), ends_at=start + dt.timedelta(hours=n, minutes=30))
        for n in range(count)
    ])
    Headcount.objects.bulk_create([Headcount(session=s, walk_ins=1, checked_in=0, total=1) for s in sessions])


@pytest.mark.parametrize("count", [10, 1000])
def test_the_public_page_has_a_fixed_query_budget(client, world, count, django_assert_max_num_queries):
    _more_sessions(world, count)
    cache.clear()
    # 33 tables: each asks the area list once (25 area tables) and runs 1–2 grouped counts; the plaza and cafés' year
    # before (3), the form's area choices (1) = 66, however many sessions, sign-ups or inquiries there are.
    with django_assert_max_num_queries(66):
        response = client.get(reverse("progress:index"), {"year": 2025})
    assert response.status_code == 200
    assert f"<td class=\"number\">{2 + count:,}</td>" in response.content.decode()  # 開催回数 of the care cafés, 計
    # Within ten minutes the figures come from the cache: only the form's area choices are read.
    with django_assert_max_num_queries(1):
        assert client.get(reverse("progress:index"), {"year": 2025}).status_code == 200


@pytest.mark.parametrize("count", [10, 1000])
def test_the_admin_report_has_a_fixed_query_budget(client, world, staff, count, django_assert_max_num_queries):
    _more_sessions(world, count)
    client.force_login(staff)
    # The public page's 65 figure queries, the staff-only consultation tables (3), the admin's session, user and
    # permission checks (3) = 71; never cached, so staff always see the latest.
    with django_assert_max_num_queries(71):
        response = client.get(REPORT, {"year": 2025})
    assert response.status_code == 200 and f"<td class=\"number\">{2 + count:,}</td>" in response.content.decode()
