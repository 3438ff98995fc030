"""民生・児童委員: the public finder and contact form, the staff-only roster, and privacy on every public page."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from community.demo_fiction import mark_fictional
from community.models import Area, Chome
from tests.volunteers.factories_associations import (
    COMMISSIONER_NAME,
    COMMISSIONER_PHONE,
    chome,
    make_commissioner,
    make_district,
)
from volunteers.models import Commissioner, CommissionerContact, CommissionerDistrict, DistrictChome
from volunteers.models.commissioners import term_end_for

pytestmark = pytest.mark.django_db

FINDER = reverse("volunteers:commissioners")
CONTACT = reverse("volunteers:commissioner_contact")


def test_the_public_page_explains_commissioners_in_plain_japanese(client):
    html = client.get(FINDER).content.decode()

    assert "地域の身近な相談相手" in html
    assert "秘密は守られます" in html
    assert html.count("<h1") == 1


@pytest.mark.parametrize("address", ["練馬区豊玉北5丁目", "豊玉北５－１", "豊玉北5-1-1"])
def test_an_address_shows_the_district_and_the_wards_contact_route(client, address):
    district = make_district()
    make_commissioner(district)

    html = client.get(FINDER, {"address": address}).content.decode()

    assert "練馬第1地区（テスト）" in html
    assert "練馬区役所 福祉部（テスト窓口）" in html and "03-3993-1111" in html
    assert f"{CONTACT}?district={district.pk}" in html
    assert COMMISSIONER_NAME not in html and COMMISSIONER_PHONE not in html


def test_a_chome_without_district_says_whom_to_call(client):
    html = client.get(FINDER, {"address": "練馬区豊玉北5丁目"}).content.decode()

    assert "担当地区は登録されていません" in html


def test_the_contact_form_stores_the_message_for_staff_with_the_district_from_the_address(client):
    district = make_district()

    response = client.post(
        CONTACT,
        {"address": "豊玉北５－３", "name": "練馬 花", "phone": "03-1111-2222", "message": "母のことで相談したいです"},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:commissioner_contact_sent")
    contact = CommissionerContact.objects.get()
    assert (contact.district, contact.name, contact.status) == (district, "練馬 花", CommissionerContact.Status.NEW)


def test_the_contact_form_prefills_the_district_chosen_on_the_finder(client):
    district = make_district()

    html = client.get(CONTACT, {"district": district.pk, "address": "豊玉北5丁目"}).content.decode()

    assert f'<option value="{district.pk}" selected>' in html
    assert 'value="豊玉北5丁目"' in html


def test_the_contact_form_needs_a_way_to_reply_and_keeps_what_was_typed(client):
    response = client.post(CONTACT, {"address": "豊玉北5丁目", "name": "練馬 花", "message": "相談です"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "電話番号かメールアドレスのどちらかを入力してください" in html
    assert "相談です" in html
    assert not CommissionerContact.objects.exists()


def test_the_contact_form_honeypot_stores_nothing(client):
    client.post(CONTACT, {"address": "豊玉北5丁目", "name": "x", "phone": "1", "message": "m", "website": "x"})

    assert not CommissionerContact.objects.exists()


def test_staff_read_contacts_in_the_admin(client, staff):
    CommissionerContact.objects.create(address="豊玉北5丁目", name="練馬 花", phone="03-1", message="相談")
    client.force_login(staff)

    html = client.get(reverse("admin:volunteers_commissionercontact_changelist")).content.decode()

    assert "練馬 花" in html


# --- roster rules -------------------------------------------------------------------------------

def test_a_term_is_three_years_less_a_day():
    assert term_end_for(dt.date(2025, 12, 1)) == dt.date(2028, 11, 30)


def test_full_clean_fills_the_term_end_from_the_start():
    district = make_district()
    commissioner = Commissioner(full_name="（架空）甲", full_name_kana="こう", district=district, term_start=dt.date(2025, 12, 1))

    commissioner.full_clean()

    assert commissioner.term_end == dt.date(2028, 11, 30)


def test_the_database_refuses_a_term_that_ends_before_it_starts():
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        make_commissioner(make_district(), start=dt.date(2025, 12, 1), term_end=dt.date(2025, 1, 1))


# The roster's clock, pinned: the factory's default term (2025-12-01 to 2028-11-30) is then always current.
TODAY = dt.date(2026, 6, 15)


@pytest.fixture
def frozen_today(time_machine):
    time_machine.move_to(dt.datetime(TODAY.year, TODAY.month, TODAY.day, 9, tzinfo=ZoneInfo("Asia/Tokyo")), tick=False)
    assert timezone.localdate() == TODAY
    return TODAY


def test_terms_ending_today_to_90_days_ahead_are_found(frozen_today):
    district = make_district()
    start = TODAY - dt.timedelta(days=1000)
    ends = {days: make_commissioner(district, name=f"あと{days}日", start=start, term_end=TODAY + dt.timedelta(days=days))
            for days in (-1, 0, 30, 90, 91, 400)}

    found = Commissioner.objects.term_ending_within(90)

    assert set(found) == {ends[0], ends[30], ends[90]}


def test_the_admin_roster_warns_of_terms_ending_and_filters_them(client, staff, frozen_today):
    district = make_district()
    make_commissioner(district, name="（架空）もうすぐ 終子", start=TODAY - dt.timedelta(days=1000), term_end=TODAY + dt.timedelta(days=30))
    make_commissioner(district, name="（架空）まだ 先男")  # the factory's term, to 2028-11-30
    client.force_login(staff)
    url = reverse("admin:volunteers_commissioner_changelist")

    html = client.get(url).content.decode()
    assert "1人の任期が90日以内に終わります" in html
    assert "あと30日で任期終了" in html
    filtered = client.get(url, {"term": "soon"}).content.decode()
    assert "もうすぐ 終子" in filtered and "まだ 先男" not in filtered


def test_the_admin_lists_which_districts_and_commissioners_the_demo_made_up(client, staff):
    real, made_up = make_district("本物の地区"), make_district("架空の地区", chomes=[Chome.objects.get(town__name="桜台", number=1)])
    kept, invented = make_commissioner(real, name="本物 委員"), make_commissioner(made_up, name="架空 委員")
    mark_fictional(made_up, invented)
    client.force_login(staff)

    for url, rows in [(reverse("admin:volunteers_commissionerdistrict_changelist"), (real, made_up)),
                      (reverse("admin:volunteers_commissioner_changelist"), (kept, invented))]:
        listed = client.get(url).context["cl"].result_list
        assert {row.pk: row.is_fictional for row in listed} == {rows[0].pk: False, rows[1].pk: True}
        assert [row.pk for row in client.get(url, {"fiction": "yes"}).context["cl"].result_list] == [rows[1].pk]
        assert [row.pk for row in client.get(url, {"fiction": "no"}).context["cl"].result_list] == [rows[0].pk]


def test_a_resident_cannot_open_the_roster(client, resident):
    make_commissioner(make_district())
    client.force_login(resident)

    response = client.get(reverse("admin:volunteers_commissioner_changelist"))

    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_partner_organizations_are_recorded(organization):
    commissioner = make_commissioner(make_district())
    commissioner.partner_organizations.add(organization)

    assert list(commissioner.partner_organizations.all()) == [organization]


# --- privacy: no commissioner name or phone on any public page ----------------------------------

def public_urls(profile, seminar, session, district, resource):
    urls = [
        reverse("volunteers:index"),
        reverse("volunteers:association_list"),
        reverse("volunteers:association_list") + "?address=豊玉北5丁目",
        reverse("volunteers:association_detail", args=[profile.pk]),
        reverse("volunteers:association_inquiry_sent", args=[profile.pk]),
        reverse("volunteers:newcomer"),
        reverse("volunteers:newcomer") + "?address=練馬区豊玉北５－１",
        FINDER,
        FINDER + "?address=豊玉北5丁目",
        CONTACT,
        CONTACT + f"?district={district.pk}",
        reverse("volunteers:commissioner_contact_sent"),
        reverse("volunteers:collaborators"),
        reverse("volunteers:area_list"),
        reverse("volunteers:npo_support"),
        reverse("volunteers:npo_seminar_detail", args=[seminar.pk]),
        reverse("volunteers:npo_groups"),
        reverse("community:session_detail", args=[session.pk]),
        reverse("community:organization_detail", args=[profile.organization_id]),
        reverse("home"),
    ]
    urls += [reverse("volunteers:area_detail", args=[area.slug]) for area in Area.objects.all()]
    return urls


@pytest.mark.slow
def test_no_commissioner_name_or_phone_reaches_any_public_page(demo_data, client, resident):
    """With the demo (fictional roster for all 202 町丁目), crawl every public page, anonymous and logged in."""
    from volunteers.models import AssociationProfile, NpoSeminar, Resource

    district = CommissionerDistrict.objects.for_chome(chome("豊玉北", 5)).get()
    make_commissioner(district)
    secrets = set(Commissioner.objects.values_list("full_name", flat=True)) | set(
        Commissioner.objects.exclude(phone="").values_list("phone", flat=True)
    )
    secrets |= {name.replace("（架空）", "") for name in secrets}
    seminar = NpoSeminar.objects.published().first()
    urls = public_urls(
        AssociationProfile.objects.published().covering(chome("豊玉北", 5)).first(),
        seminar,
        seminar.sessions.first(),
        district,
        Resource.objects.first(),
    )
    assert len(secrets) > 100

    for who in (None, resident):
        if who:
            client.force_login(who)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            html = response.content.decode()
            leaked = [secret for secret in secrets if secret in html]
            assert not leaked, f"{url} shows {leaked[:3]}"


def test_every_chome_has_a_district_in_the_demo(demo_data):
    assert Chome.objects.count() == 202
    assert DistrictChome.objects.count() == 202
    assert not Commissioner.objects.with_fiction().filter(is_fictional=False).exists()
    assert not CommissionerDistrict.objects.filter(commissioners=None).exists()
