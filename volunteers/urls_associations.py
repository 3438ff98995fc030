"""URLs for 町会・自治会, 民生・児童委員, 協働推進員 and NPO support (namespace volunteers:)."""

from django.urls import path

from volunteers.views import associations, collaborators, commissioners, npo

urlpatterns: list = [
    path("associations/", associations.association_list, name="association_list"),
    path("associations/<int:pk>/", associations.association_detail, name="association_detail"),
    path("associations/<int:pk>/inquiry/", associations.association_inquiry, name="association_inquiry"),
    path("associations/<int:pk>/inquiry/sent/", associations.association_inquiry_sent, name="association_inquiry_sent"),
    path("newcomers/", associations.newcomer, name="newcomer"),
    path("resources/<int:pk>/", associations.resource_download, name="resource_download"),
    path("my/<int:org_pk>/association/", associations.my_association, name="my_association"),
    path("my/<int:org_pk>/inquiries/", associations.my_inquiries, name="my_inquiries"),
    path("my/<int:org_pk>/inquiries/<int:pk>/answered/", associations.my_inquiry_answered, name="my_inquiry_answered"),
    path("my/<int:org_pk>/inquiries/<int:pk>/outcome/", associations.my_inquiry_outcome, name="my_inquiry_outcome"),
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
]
