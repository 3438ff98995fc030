from django.urls import reverse

from community.models import SignUp
from tests.conftest import make_session


def test_staff_sign_up_a_resident_by_phone(client, staff, listing):
    session = make_session(listing, capacity=3)
    client.force_login(staff)
    url = reverse("community:proxy_signup", args=[session.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "電話 よしこ", "phone": "03-1234-5678", "party_size": "2"})
    assert response.status_code == 302
    signup = SignUp.objects.get()
    assert (signup.name, signup.proxy_by, signup.party_size) == ("電話 よしこ", staff, 2)


def test_missing_fields_get_japanese_errors(client, staff, listing):
    session = make_session(listing, capacity=3)
    client.force_login(staff)
    response = client.post(reverse("community:proxy_signup", args=[session.pk]), {"name": "", "phone": "", "party_size": "1"})
    body = response.content.decode()
    assert response.status_code == 400 and "氏名を入力してください" in body and "電話番号を入力してください" in body


def test_residents_and_organization_members_cannot_use_proxy_signup(client, resident, org_member, listing):
    session = make_session(listing)
    url = reverse("community:proxy_signup", args=[session.pk])
    for user in (resident, org_member):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
    assert not SignUp.objects.exists()
