"""プロフィール: login required, 町名 and 丁目 checked together, Japanese errors, typed values kept."""

import pytest
from django.conf import settings
from django.urls import reverse
from pytest_django.asserts import assertContains

from community.models import Chome, Town
from community.readings import normalize_reading
from tests.conftest import make_user

URL = reverse("community:profile_edit")


def form_data(**overrides) -> dict:
    town = Town.objects.get(name="豊玉北")
    data = {
        "full_name": "練馬 花子",
        "full_name_kana": "ねりま はなこ",
        "phone": "03-3993-1111",
        "town": str(town.pk),
        "chome_number": "5",
        "languages": ["ja", "en"],
        "interests": ["elderly", "disaster"],
        "preferred_language": "ja",
    }
    data.update(overrides)
    return data


def test_visitor_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_page_shows_the_residents_current_values(client, resident):
    resident.chome = Chome.objects.get(town__name="豊玉北", number=5)
    resident.save()
    client.force_login(resident)
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'value="練馬 エミ"' in html
    # 町名 are grouped by 地域 so the select works without JavaScript.
    assert '<optgroup label="練馬地域">' in html
    assert f'<option value="{resident.chome.town_id}" selected>豊玉北</option>' in html
    assert '<option value="5" selected>5丁目</option>' in html


def test_saving_stores_every_field_and_redirects(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(full_name_kana="ネリマ　ハナコ"))
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.full_name == "練馬 花子"
    # Katakana and a full-width space are folded into the stored hiragana reading.
    assert resident.full_name_kana == "ねりま はなこ"
    assert resident.chome == Chome.objects.get(town__name="豊玉北", number=5)
    assert resident.chome.area.name == "練馬"
    assert resident.languages == ["en", "ja"]
    assert resident.interests == ["disaster", "elderly"]


def test_a_town_without_chome_is_saved_with_chome_left_blank(client, resident):
    town = Town.objects.filter(chomes__number=0).first()
    client.force_login(resident)
    response = client.post(URL, form_data(town=str(town.pk), chome_number=""))
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.chome == Chome.objects.get(town=town, number=0)


def test_choosing_the_display_language_switches_the_ui(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(preferred_language="en"))
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    resident.refresh_from_db()
    assert resident.preferred_language == "en"
    page = client.get(URL)
    assert '<html lang="en"' in page.content.decode()


def test_reading_in_kanji_is_refused_in_japanese_and_nothing_is_saved(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(full_name_kana="練馬花子"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "よみがなは、ひらがなで入力してください" in html
    # The error is tied to its field and the typed values stay in the form.
    assert 'aria-describedby="id_full_name_kana_helptext id_full_name_kana_error"' in html
    assert 'value="練馬花子"' in html
    assert 'value="練馬 花子"' in html
    resident.refresh_from_db()
    assert resident.full_name == "練馬 エミ"


def test_a_chome_the_town_does_not_have_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(chome_number="9"))
    html = response.content.decode()
    assert response.status_code == 400
    assert "豊玉北に9丁目はありません。1〜6丁目から選んでください。" in html
    assert '<option value="9" selected>9丁目</option>' in html


def test_a_town_with_chome_needs_one(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(chome_number=""))
    assert response.status_code == 400
    assert "丁目を選んでください（豊玉北は1〜6丁目です）。" in response.content.decode()


def test_chome_without_town_is_refused(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(town="", chome_number="2"))
    assert response.status_code == 400
    assert "丁目を選んだときは、町名も選んでください。" in response.content.decode()


def test_missing_name_and_unknown_language_are_explained(client, resident):
    client.force_login(resident)
    response = client.post(URL, form_data(full_name="", languages=["xx"], phone="abc"))
    html = response.content.decode()
    assert "氏名を入力してください。" in html
    assert "選べない言語が含まれています。" in html
    assert "電話番号は、市外局番からハイフン付きで入力してください" in html


def test_page_query_budget(client, django_assert_max_num_queries, resident):
    resident.chome = Chome.objects.get(town__name="豊玉北", number=5)
    resident.save()
    client.force_login(resident)
    # session, user, the user's 町丁目 with its town, towns grouped by area (one query),
    # memberships check in the navigation
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assertContains(response, resident.full_name)
    assertContains(response, '<option value="5" selected>')  # the 丁目 kept


@pytest.mark.parametrize(("typed", "stored"), [("ﾈﾘﾏ ﾊﾅｺ", "ねりま はなこ"), ("  ねりま　　はなこ ", "ねりま はなこ")])
def test_readings_are_normalized(typed, stored):
    assert normalize_reading(typed) == stored


def test_profiles_are_private_to_their_owner(client, resident):
    other = make_user("other-resident@example.jp", name="別の 住民")
    client.force_login(other)
    html = client.get(URL).content.decode()
    assert "練馬 エミ" not in html
