"""URLs for the Power-Up College and volunteer openings (namespace volunteers:)."""

from django.urls import path

from volunteers.views import college, hours, openings, org_openings

urlpatterns: list = [
    path("college/", college.college_index, name="college"),
    path("college/cohorts/<int:pk>/", college.cohort_detail, name="college_cohort"),
    path("college/cohorts/<int:pk>/apply/", college.college_apply, name="college_apply"),
    path("college/graduates/", college.graduates, name="college_graduates"),
    path("college/my/", college.college_my, name="college_my"),
    path("college/my/applications/<int:pk>/decline/", college.college_decline, name="college_decline"),
    path("college/staff/classes/<int:session_pk>/attendance/", college.attendance, name="college_attendance"),
    path("openings/", openings.opening_list, name="openings"),
    path("openings/<int:pk>/", openings.opening_detail, name="opening_detail"),
    path("openings/<int:pk>/apply/", openings.opening_apply, name="opening_apply"),
    path("openings/for-you/", openings.matches, name="matches"),
    path("profile/", openings.profile_edit, name="profile_edit"),
    path("my/volunteering/", openings.my_volunteering, name="my_volunteering"),
    path("my/hours/", hours.my_hours, name="my_hours"),
    path("my/hours/<int:pk>/withdraw/", hours.my_hours_withdraw, name="my_hours_withdraw"),
    path("my/organizations/<int:org_pk>/hours/", hours.org_hours, name="org_hours"),
    path("my/organizations/<int:org_pk>/hours/<int:pk>/decide/", hours.org_hours_decide, name="org_hours_decide"),
    path("my/volunteering/applications/<int:pk>/reply/", openings.application_reply, name="application_reply"),
    path(
        "my/volunteering/applications/<int:pk>/withdraw/", openings.application_withdraw, name="application_withdraw"
    ),
    path("my/volunteering/invitations/<int:pk>/respond/", openings.invitation_respond, name="invitation_respond"),
    path("my/organizations/<int:org_pk>/openings/", org_openings.org_openings, name="org_openings"),
    path("my/organizations/<int:org_pk>/openings/new/", org_openings.org_opening_edit, name="org_opening_create"),
    path("my/organizations/<int:org_pk>/openings/<int:pk>/edit/", org_openings.org_opening_edit, name="org_opening_edit"),
    path("my/organizations/<int:org_pk>/applications/", org_openings.org_applications, name="org_applications"),
    path(
        "my/organizations/<int:org_pk>/applications/<int:pk>/",
        org_openings.org_application_detail,
        name="org_application",
    ),
    path("my/organizations/<int:org_pk>/roster/", org_openings.org_roster, name="org_roster"),
    path("my/organizations/<int:org_pk>/volunteers/", org_openings.org_volunteer_search, name="org_volunteer_search"),
    path(
        "my/organizations/<int:org_pk>/volunteers/<int:profile_pk>/invite/",
        org_openings.org_invite,
        name="org_invite",
    ),
]
