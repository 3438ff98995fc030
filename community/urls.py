from django.urls import path

from community.views import (
    calls,
    cancellations,
    dashboard,
    guest_signups,
    headcounts,
    manage_sessions,
    organizations,
    personal_data,
    places,
    private_files,
    profile,
    proxy,
    sessions,
)

app_name = "community"

urlpatterns = [
    path("mypage/", sessions.mypage, name="mypage"),
    path("mypage/profile/", profile.profile_edit, name="profile_edit"),
    path("mypage/data/", personal_data.personal_data, name="personal_data"),
    path("mypage/data/download.json", personal_data.personal_data_download, name="personal_data_download"),
    path("mypage/data/delete/", personal_data.account_delete, name="account_delete"),
    path("account-deleted/", personal_data.account_deleted, name="account_deleted"),
    # マイ団体: organization self-service (every view fetches through community.access)
    path("my/organizations/", dashboard.my_organizations, name="my_organizations"),
    path("my/organizations/new/", organizations.organization_apply, name="organization_apply"),
    path("my/organizations/<int:org_pk>/", dashboard.organization_dashboard, name="organization_dashboard"),
    path("my/organizations/<int:org_pk>/profile/", organizations.organization_edit, name="organization_edit"),
    path("my/organizations/<int:org_pk>/notify/", dashboard.membership_notify, name="membership_notify"),
    path("my/organizations/<int:org_pk>/calls/", calls.phone_calls, name="phone_calls"),
    path("my/organizations/<int:org_pk>/calls/<int:pk>/done/", calls.phone_call_done, name="phone_call_done"),
    path("my/organizations/<int:org_pk>/listings/new/", dashboard.listing_create, name="listing_create"),
    path("my/organizations/<int:org_pk>/listings/<int:pk>/", dashboard.listing_edit, name="listing_edit"),
    path("my/organizations/<int:org_pk>/places/", organizations.place_list, name="place_list"),
    path("my/organizations/<int:org_pk>/places/new/", organizations.place_create, name="place_create"),
    path("my/organizations/<int:org_pk>/places/<int:pk>/", organizations.place_edit, name="place_edit"),
    path("my/organizations/<int:org_pk>/members/", organizations.member_list, name="member_list"),
    path("my/organizations/<int:org_pk>/members/<int:pk>/remove/", organizations.member_remove, name="member_remove"),
    path("my/organizations/<int:org_pk>/members/<int:pk>/role/", organizations.member_role, name="member_role"),
    path(
        "my/organizations/<int:org_pk>/invitations/<int:pk>/revoke/",
        organizations.invitation_revoke,
        name="invitation_revoke",
    ),
    path("invitations/<str:token>/", organizations.invitation_accept, name="invitation_accept"),
    path("organizations/<int:pk>/", sessions.organization_detail, name="organization_detail"),
    path("places/<int:pk>/", places.place_detail, name="place_detail"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/signup/", sessions.session_signup, name="session_signup"),
    path("sessions/<int:pk>/event.ics", sessions.session_ics, name="session_ics"),
    path("sessions/<int:pk>/guest-signup/", guest_signups.guest_signup, name="guest_signup"),
    path("guest-signups/<int:pk>/", guest_signups.guest_signup_done, name="guest_signup_done"),
    path("guest-signups/confirm/<str:token>/", guest_signups.guest_signup_confirm, name="guest_signup_confirm"),
    path("signups/cancel/<str:token>/", cancellations.signup_cancel_by_token, name="signup_cancel"),
    path("signups/cancel/<str:token>/undo/", cancellations.signup_restore_by_token, name="signup_restore"),
    path("mypage/signups/<int:pk>/cancel/", cancellations.mypage_signup_cancel, name="mypage_signup_cancel"),
    path("mypage/signups/<int:pk>/cancelled/", cancellations.mypage_signup_cancelled, name="mypage_signup_cancelled"),
    path("mypage/signups/<int:pk>/undo/", cancellations.mypage_signup_restore, name="mypage_signup_restore"),
    path("staff/sessions/<int:pk>/proxy-signup/", proxy.proxy_signup, name="proxy_signup"),
    # Private documents (grant attachments, report photos, subsidy reports), each model says who may download.
    path("files/<str:label>/<int:pk>/<str:field>/", private_files.private_file, name="private_file"),
    # マイ団体: sessions of a listing and who signed up
    path("my/organizations/<int:org_pk>/listings/<int:listing_pk>/sessions/", manage_sessions.listing_sessions, name="listing_sessions"),
    path(
        "my/organizations/<int:org_pk>/listings/<int:listing_pk>/schedules/<int:pk>/delete/",
        manage_sessions.schedule_delete,
        name="schedule_delete",
    ),
    path("my/organizations/<int:org_pk>/sessions/<int:pk>/edit/", manage_sessions.session_edit, name="session_edit"),
    path("my/organizations/<int:org_pk>/sessions/<int:pk>/cancel/", manage_sessions.session_cancel, name="session_cancel"),
    path("my/organizations/<int:org_pk>/sessions/<int:pk>/signups/", manage_sessions.session_signups, name="session_signups"),
    path(
        "my/organizations/<int:org_pk>/sessions/<int:pk>/headcount/", headcounts.session_headcount, name="session_headcount"
    ),
    path("checkin/<str:token>/", headcounts.signup_checkin, name="signup_checkin"),
    path(
        "my/organizations/<int:org_pk>/sessions/<int:pk>/signups.csv",
        manage_sessions.session_signups_csv,
        name="session_signups_csv",
    ),
]
