"""volunteers URLs (namespace volunteers:), grouped by program.

- 町会・自治会, 民生・児童委員, 協働推進員 and NPO support
- the Power-Up College
- volunteer openings and matching (the resident's side, then the organization's)
"""

from django.urls import path

from volunteers.views import (
    associations,
    collaborators,
    college,
    commissioners,
    index,
    npo,
    openings,
    org_openings,
)

app_name = "volunteers"

urlpatterns = [
    path("", index.index, name="index"),
    # 町会・自治会, 民生・児童委員, 協働推進員, NPO support
    path("associations/", associations.association_list, name="association_list"),
    path("associations/<int:pk>/", associations.association_detail, name="association_detail"),
    path("associations/<int:pk>/inquiry/", associations.association_inquiry, name="association_inquiry"),
    path("associations/<int:pk>/inquiry/sent/", associations.association_inquiry_sent, name="association_inquiry_sent"),
    path("newcomers/", associations.newcomer, name="newcomer"),
    path("resources/<int:pk>/", associations.resource_download, name="resource_download"),
    path("my/<int:org_pk>/association/", associations.my_association, name="my_association"),
    path("my/<int:org_pk>/inquiries/", associations.my_inquiries, name="my_inquiries"),
    path("my/<int:org_pk>/inquiries/<int:pk>/answered/", associations.my_inquiry_answered, name="my_inquiry_answered"),
    path("commissioners/", commissioners.commissioners, name="commissioners"),
    path("commissioners/contact/", commissioners.commissioner_contact, name="commissioner_contact"),
    path("commissioners/contact/sent/", commissioners.commissioner_contact_sent, name="commissioner_contact_sent"),
    path("collaborators/", collaborators.collaborators, name="collaborators"),
    path("collaborators/register/", collaborators.collaborator_register, name="collaborator_register"),
    path("collaborators/mine/", collaborators.collaborator_mine, name="collaborator_mine"),
    path("collaborators/mine/withdraw/", collaborators.collaborator_withdraw, name="collaborator_withdraw"),
    path("areas/", collaborators.area_list, name="area_list"),
    path("areas/<slug:slug>/", collaborators.area_detail, name="area_detail"),
    path("npo/", npo.npo_support, name="npo_support"),
    path("npo/seminars/<int:pk>/", npo.npo_seminar_detail, name="npo_seminar_detail"),
    path("npo/groups/", npo.npo_groups, name="npo_groups"),
    # the Power-Up College, then openings and matching
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
