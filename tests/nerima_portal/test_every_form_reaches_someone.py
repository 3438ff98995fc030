"""Nothing a resident sends reaches nobody: for every form, the declared recipient, the sender's receipt, and the
fallback when the recipient is missing, each found in the outbox (community.OutboxMessage).

Tests run tasks only after a commit; nothing commits here, so every mail stays 送信待ち in the outbox, which is
where these tests look.
"""

import pytest
from django.urls import reverse
from django.utils import timezone

from community.models import Membership, OutboxMessage
from community.services.guest_signups import guest_signup_confirm, guest_signup_start
from community.services.signups import signup_cancel, signup_create
from hiroba.models import ConsultationRequest, ConsultationTeam
from hiroba.services import consultations as hiroba_services
from projects.models import Application
from projects.services import applications as application_services
from projects.services import review
from tests.conftest import make_session, make_user
from tests.projects.conftest import make_application, make_call
from tests.volunteers.factories_associations import make_association, make_district
from tests.volunteers.factories_college import make_cohort, make_course, make_opening
from volunteers.models import CoordinatorAssignment, CoordinatorTeam
from volunteers.services import associations as services_associations
from volunteers.services import openings as services_openings

DUTY = "ward-duty@portal.example.jp"


@pytest.fixture(autouse=True)
def _duty_inbox(settings):
    settings.WARD_DUTY_EMAIL = DUTY


def mails_to(address: str, kind: str = "") -> list[OutboxMessage]:
    found = OutboxMessage.objects.filter(to__iexact=address)
    return list(found.filter(kind=kind) if kind else found)


def the_mail(address: str, kind: str) -> OutboxMessage:
    (message,) = mails_to(address, kind)
    return message


def assert_receipt(message: OutboxMessage, reference: str, phone: str) -> None:
    """A receipt: the reference, what happens next, a named office and its phone."""
    assert f"受付番号: {reference}" in message.body
    assert "このあとの流れ" in message.body
    assert "お問い合わせ先" in message.body and f"電話: {phone}" in message.body


@pytest.fixture
def coordinator_team(coordinator):
    from community.models import Area

    team = CoordinatorTeam.objects.create(
        area=Area.objects.get(slug="nerima"), name="練馬地区 地域福祉コーディネーター（テスト）", office="社協 練馬（テスト）",
        phone="03-0000-0001", email="team-nerima@example.jp",
    )
    CoordinatorAssignment.objects.create(team=team, user=coordinator)
    return team


# --- 開催回への申込・キャンセル --------------------------------------------------------------------------------

def test_a_sign_up_reaches_the_organizer_and_the_resident_gets_a_receipt(listing, org_member, resident):
    listing.contact_phone = "03-0000-0042"
    listing.save()
    signup = signup_create(session=make_session(listing), user=resident)

    assert "申込がありました" in the_mail(org_member.email, "community/mail/organizer_signup").subject
    assert_receipt(the_mail(resident.email, "community/mail/signup_created"), signup.receipt_reference, "03-0000-0042")
    assert not mails_to(DUTY)


def test_a_sign_up_for_an_organization_without_members_reaches_the_duty_inbox(listing, resident):
    signup_create(session=make_session(listing), user=resident)
    message = the_mail(DUTY, "community/mail/organizer_signup")
    assert "ポータルでお知らせを受け取るメンバーがいません" in message.body
    assert reverse("admin:community_session_change", args=[listing.sessions.get().pk]) in message.body


def test_a_cancellation_reaches_the_organizer_and_the_resident_gets_a_receipt(listing, org_member, resident):
    signup = signup_cancel(signup=signup_create(session=make_session(listing), user=resident))
    organizer = [m for m in mails_to(org_member.email, "community/mail/organizer_signup") if "キャンセル" in m.subject]
    assert len(organizer) == 1
    # No own phone, no organization phone: the ward's desk for the place's area is the declared contact.
    assert_receipt(the_mail(resident.email, "community/mail/signup_cancelled"), signup.receipt_reference, "03-3993-1111")


def test_a_cancellation_without_members_reaches_the_duty_inbox(listing, resident):
    signup_cancel(signup=signup_create(session=make_session(listing), user=resident))
    assert len(mails_to(DUTY, "community/mail/organizer_signup")) == 2  # the sign-up, then its cancellation


def test_a_member_who_chose_the_digest_gets_a_line_not_a_mail(listing, org_member, resident):
    Membership.objects.filter(user=org_member).update(notify=Membership.Notify.DIGEST)
    signup_create(session=make_session(listing), user=resident)
    assert not mails_to(org_member.email)
    assert "練馬 エミさん（1人）が申し込みました" in org_member.memberships.get().notices.get().line


# --- アカウントなしの申込（ゲスト） --------------------------------------------------------------------------

GUEST_DONE = "community:guest_signup_done"


def test_a_phone_only_guest_reaches_the_organizer_and_sees_the_receipt_on_screen(client, listing, org_member):
    listing.contact_phone = "03-0000-0042"
    listing.save()
    session = make_session(listing)

    response = client.post(
        reverse("community:guest_signup", args=[session.pk]),
        {"name": "電話 花子", "phone": "090-1111-2222", "email": "", "party_size": 1}, follow=True,
    )

    signup = session.signups.get()
    organizer = the_mail(org_member.email, "community/mail/organizer_signup")
    assert "申込がありました" in organizer.subject and signup.reference in organizer.body
    assert "メールアドレスのない方です" in organizer.body  # the organizer knows to phone if the session changes
    page = response.content.decode()
    assert signup.reference in page and 'href="tel:0300000042"' in page
    assert list(OutboxMessage.objects.exclude(to=org_member.email)) == []  # no address, so no mail to the guest


def test_an_e_mail_guest_gets_the_receipt_once_confirmed_and_the_organizer_hears_of_it(listing, org_member):
    listing.contact_phone = "03-0000-0042"
    listing.save()
    pending, _ = guest_signup_start(session=make_session(listing), name="メール 次郎", email="jiro@example.jp")
    assert not mails_to(org_member.email)  # no seat is held before the mail's link is opened

    signup = guest_signup_confirm(signup=pending)

    assert_receipt(the_mail("jiro@example.jp", "community/mail/signup_created"), signup.reference, "03-0000-0042")
    assert "申込がありました" in the_mail(org_member.email, "community/mail/organizer_signup").subject


def test_a_guest_sign_up_for_an_organization_without_members_reaches_the_duty_inbox(listing):
    guest_signup_start(session=make_session(listing), name="電話 花子", phone="090-1111-2222")
    message = the_mail(DUTY, "community/mail/organizer_signup")
    assert "ポータルでお知らせを受け取るメンバーがいません" in message.body


def test_a_guest_cancelling_by_the_mailed_link_reaches_the_organizer_with_a_receipt(listing, org_member):
    pending, _ = guest_signup_start(session=make_session(listing), name="メール 次郎", email="jiro@example.jp")
    signup = signup_cancel(signup=guest_signup_confirm(signup=pending))

    assert_receipt(the_mail("jiro@example.jp", "community/mail/signup_cancelled"), signup.reference, "03-3993-1111")
    subjects = [m.subject for m in mails_to(org_member.email, "community/mail/organizer_signup")]
    assert len(subjects) == 2 and any("キャンセル" in subject for subject in subjects)


# --- 町会・自治会への加入の問い合わせ -----------------------------------------------------------------------

JOIN = {"name": "転入 太郎", "email": "taro@example.jp", "phone": "", "address": "豊玉北5丁目", "message": "加入したいです"}


def test_a_join_inquiry_reaches_the_members_and_the_sender_sees_and_gets_a_receipt(client, coordinator_team):
    profile = make_association()
    member = make_user("rep@example.jp", name="代表 一郎")
    Membership.objects.create(organization=profile.organization, user=member, role="representative")

    response = client.post(reverse("volunteers:association_inquiry", args=[profile.pk]), JOIN, follow=True)

    inquiry = profile.organization.join_inquiries.get()
    assert "加入の問い合わせが届きました" in the_mail(member.email, "volunteers/mail/join_inquiry_received").subject
    assert not mails_to(coordinator_team.email)
    receipt = the_mail("taro@example.jp", "volunteers/mail/join_inquiry_receipt")
    assert_receipt(receipt, inquiry.reference, "03-0000-0001")
    assert "役員が、いただいた連絡先にご連絡します" in receipt.body
    page = response.content.decode()
    assert inquiry.reference in page and 'href="tel:0300000001"' in page


def test_a_join_inquiry_to_an_association_without_members_reaches_the_area_coordinators(client, coordinator_team, coordinator):
    profile = make_association()
    client.post(reverse("volunteers:association_inquiry", args=[profile.pk]), JOIN)

    inquiry = profile.organization.join_inquiries.get()
    for address in (coordinator_team.email, coordinator.email):
        message = the_mail(address, "volunteers/mail/join_inquiry_received")
        assert reverse("admin:volunteers_joininquiry_change", args=[inquiry.pk]) in message.body
    receipt = the_mail("taro@example.jp", "volunteers/mail/join_inquiry_receipt")
    assert coordinator_team.name in receipt.body and "会に取り次いでご連絡します" in receipt.body


def test_without_members_or_a_coordinator_team_a_join_inquiry_reaches_the_duty_inbox(client):
    profile = make_association()
    client.post(reverse("volunteers:association_inquiry", args=[profile.pk]), {**JOIN, "email": "", "phone": "090-0000-1111"})
    assert len(mails_to(DUTY, "volunteers/mail/join_inquiry_received")) == 1
    assert not OutboxMessage.objects.filter(kind="volunteers/mail/join_inquiry_receipt").exists()  # no address: the screen


# --- 相談受付 ----------------------------------------------------------------------------------------------

CONSULT = {
    "topic": "elderly", "message": "母の介護のことで相談したいです。", "language": "ja", "contact_method": "email",
    "preferred_time": "", "name": "練馬 花子", "email": "hanako@example.jp", "consent": "on",
}


def test_a_new_consultation_reaches_the_duty_inbox_without_its_content_and_the_sender_gets_a_receipt(client):
    response = client.post(reverse("hiroba:request_create"), CONSULT, follow=True)
    consultation = ConsultationRequest.objects.get()
    staff_mail = the_mail(DUTY, "hiroba/mail/consultation_received")
    assert consultation.reference in staff_mail.body and "母の介護" not in staff_mail.body
    assert_receipt(the_mail("hanako@example.jp", "hiroba/mail/consultation_receipt"), consultation.reference, "03-3993-1111")
    assert "同じ内容をメールでもお送りしました" in response.content.decode()


def test_assigning_a_team_tells_each_member(client, staff, coordinator):
    client.post(reverse("hiroba:request_create"), CONSULT)
    consultation = ConsultationRequest.objects.get()
    team = ConsultationTeam.objects.create(name="相談係（テスト）")
    team.members.set([staff, coordinator])
    consultation.assigned_team = team
    consultation.save()
    hiroba_services.consultation_assign(consultation=consultation, team_changed=True, person_changed=False)
    for person in (staff, coordinator):
        assert "担当になりました" in the_mail(person.email, "hiroba/mail/consultation_received").subject


def test_a_team_with_nobody_reachable_falls_back_to_the_duty_inbox(client):
    client.post(reverse("hiroba:request_create"), CONSULT)
    consultation = ConsultationRequest.objects.get()
    consultation.assigned_team = ConsultationTeam.objects.create(name="空のチーム（テスト）")
    consultation.save()
    hiroba_services.consultation_assign(consultation=consultation, team_changed=True, person_changed=False)
    assert len(mails_to(DUTY, "hiroba/mail/consultation_received")) == 2  # received, then assigned to nobody


# --- 民生・児童委員への連絡 --------------------------------------------------------------------------------

def _contact(**extra):
    return services_associations.commissioner_contact_create(
        district=make_district(), address="豊玉北5丁目", name="練馬 一郎", email="ichiro@example.jp",
        message="近所の一人暮らしの方が心配です。", **extra,
    )


def test_a_commissioner_contact_reaches_ward_staff_and_the_sender_gets_a_receipt(staff):
    contact = _contact()
    assert "区民からの連絡が届きました" in the_mail(staff.email, "volunteers/mail/commissioner_contact_received").subject
    assert_receipt(the_mail("ichiro@example.jp", "volunteers/mail/commissioner_contact_receipt"), contact.reference, "03-3993-1111")
    assert not mails_to(DUTY)


def test_without_ward_staff_a_commissioner_contact_reaches_the_duty_inbox(db):
    _contact()
    assert len(mails_to(DUTY, "volunteers/mail/commissioner_contact_received")) == 1


# --- パワーアップカレッジの申込 ----------------------------------------------------------------------------

def _college_post(client, organization, resident):
    cohort = make_cohort(intake_open=True)
    course = make_course(cohort, organization)
    client.force_login(resident)
    response = client.post(
        reverse("volunteers:college_apply", args=[cohort.pk]),
        {"course": course.pk, "motivation": "地域の防災に関わりたい", "availability": ["weekday_day"], "consent": "on"},
        follow=True,
    )
    return response, resident.college_applications.get()


def test_a_college_application_reaches_the_college_office_and_the_applicant_gets_a_receipt(client, organization, org_member, resident):
    organization.contact_phone = "03-0000-0077"
    organization.save()
    response, application = _college_post(client, organization, resident)
    assert application.reference in the_mail(org_member.email, "volunteers/mail/college_application_received").subject
    assert_receipt(the_mail(resident.email, "volunteers/mail/college_application_receipt"), application.reference, "03-0000-0077")
    assert application.reference in response.content.decode()


def test_a_college_office_without_members_falls_back_to_the_duty_inbox(client, organization, resident):
    _college_post(client, organization, resident)
    assert len(mails_to(DUTY, "volunteers/mail/college_application_received")) == 1


# --- ボランティア募集への応募 ------------------------------------------------------------------------------

def test_a_volunteer_application_reaches_the_organization_as_applicant_n_and_the_resident_gets_a_receipt(
    organization, org_member, resident
):
    application = services_openings.opening_apply(opening=make_opening(organization), user=resident, message="土曜なら参加できます")
    message = the_mail(org_member.email, "volunteers/mail/opening_application_received")
    assert f"応募者 #{application.pk}" in message.body
    assert resident.get_full_name() not in message.body and resident.email not in message.body
    assert_receipt(the_mail(resident.email, "volunteers/mail/opening_applied"), application.reference, "03-3993-1111")


def test_a_volunteer_application_without_members_reaches_the_area_coordinators(organization, resident, coordinator_team):
    from community.models import Area

    organization.area = Area.objects.get(slug="nerima")
    organization.save()
    services_openings.opening_apply(opening=make_opening(organization), user=resident, message="日曜も参加できます")
    assert len(mails_to(coordinator_team.email, "volunteers/mail/opening_application_received")) == 1


# --- 地域おこしプロジェクトの申請と決定 --------------------------------------------------------------------

@pytest.fixture
def submitted(organization, org_member):
    application = make_application(make_call(timezone.localdate().year), organization)
    return application_services.application_submit(application=application, user=org_member)


def test_a_grant_application_reaches_ward_staff_and_the_group_gets_a_receipt(staff, submitted, org_member):
    assert submitted.reference in the_mail(staff.email, "projects/mail/application_received").subject
    assert_receipt(the_mail(org_member.email, "projects/mail/application_submitted"), submitted.reference, "03-3993-1111")


def test_without_ward_staff_a_grant_application_reaches_the_duty_inbox(submitted):
    assert len(mails_to(DUTY, "projects/mail/application_received")) == 1


def test_the_decision_reaches_every_representative_the_submitter_and_the_group_address(staff, submitted, organization, org_member):
    second = make_user("rep2@example.jp", name="代表 二郎")
    Membership.objects.create(organization=organization, user=second, role=Membership.Role.REPRESENTATIVE)
    editor = make_user("editor2@example.jp", name="編集 三子")
    Membership.objects.create(organization=organization, user=editor, role=Membership.Role.EDITOR)
    organization.contact_email = "group@example.jp"
    organization.save()

    decided = review.application_decide(application=submitted, decided_by=staff, decision="rejected", reason="予算の根拠が不足")

    assert decided.decision_recipient_count == 3
    told = sorted(m.to for m in OutboxMessage.objects.filter(kind="projects/mail/decision"))
    assert told == ["group@example.jp", org_member.email, second.email]


def test_a_decision_nobody_in_the_group_can_read_goes_to_the_duty_inbox_and_the_screen_says_phone(client, staff, submitted):
    Application.objects.filter(pk=submitted.pk).update(submitted_by=None)
    Membership.objects.filter(organization=submitted.organization).delete()
    client.force_login(staff)

    response = client.post(
        reverse("admin:projects_application_decide", args=[submitted.pk]),
        {"decision": "rejected", "reason": "予算の根拠が不足"}, follow=True,
    )

    assert response.status_code == 200
    assert len(mails_to(DUTY, "projects/mail/decision")) == 1
    assert "団体に電話で伝えてください" in response.content.decode()

