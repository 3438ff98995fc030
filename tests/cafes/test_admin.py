"""Staff see every café with counts per type × area and participants per month; moderation comes from the kernel."""

from django.urls import reverse

from cafes.admin.cafes import CareCafeAdmin
from community.admin.moderation import ModeratedAdmin
from community.demo_fiction import mark_fictional
from community.models import SignUp
from tests.cafes.conftest import add_session, make_care_cafe


def test_care_cafe_admin_is_moderated():
    assert issubclass(CareCafeAdmin, ModeratedAdmin)


def test_changelist_shows_counts_per_type_and_area_and_participants(client, staff, organization, shakujii_place,
                                                                    nerima_place):
    make_care_cafe(organization, title="A", place=shakujii_place, cafe_type="shop", partner_shop="薬局")
    make_care_cafe(organization, title="B", place=shakujii_place)
    busy = make_care_cafe(organization, title="C", place=nerima_place)
    make_care_cafe(organization, title="下書き", place=nerima_place, status="draft")
    session = add_session(busy, capacity=10, signup_required=True)
    SignUp.objects.create(session=session, name="一人目", party_size=2, status=SignUp.Status.CONFIRMED)
    SignUp.objects.create(session=session, name="取消", party_size=5, status=SignUp.Status.CANCELLED)
    client.force_login(staff)

    response = client.get(reverse("admin:cafes_carecafe_changelist"))

    assert response.status_code == 200
    counts = response.context["cafe_counts"]
    assert counts["areas"] == ["練馬", "石神井"] and counts["total"] == 3
    rows = {label: cells for label, cells, _total in counts["rows"]}
    assert rows["コンビニ・薬局連携型"] == [0, 1] and rows["地域の集いの場"] == [1, 1]
    [(month, people)] = response.context["participants"]
    assert people == {"care": 2, "kids": 0, "lecture": 0}


def test_coordinator_can_open_the_cafe_admin(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("admin:cafes_carecafe_changelist")).status_code == 200
    assert client.get(reverse("admin:cafes_kidscafe_changelist")).status_code == 200
    assert client.get(reverse("admin:cafes_childcarelecture_changelist")).status_code == 200


def test_staff_see_which_cafes_the_demo_made_up_and_can_list_either_kind(client, staff, organization):
    real, made_up = make_care_cafe(organization, title="本物のカフェ"), make_care_cafe(organization, title="架空のカフェ")
    mark_fictional(made_up)
    client.force_login(staff)
    url = reverse("admin:cafes_carecafe_changelist")

    everything = client.get(url)
    assert everything.status_code == 200
    assert {cafe.title: cafe.is_fictional for cafe in everything.context["cl"].result_list} == {
        "本物のカフェ": False, "架空のカフェ": True
    }
    body = everything.content.decode()
    assert 'data-filter-title="架空のデータ"' in body and 'column-fiction"' in body  # the filter and the column
    assert [cafe.pk for cafe in client.get(url, {"fiction": "yes"}).context["cl"].result_list] == [made_up.pk]
    assert [cafe.pk for cafe in client.get(url, {"fiction": "no"}).context["cl"].result_list] == [real.pk]
