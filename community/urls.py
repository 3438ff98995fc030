from django.urls import path

from community.views import profile, sessions

app_name = "community"

urlpatterns = [
    path("mypage/", sessions.mypage, name="mypage"),
    path("mypage/profile/", profile.profile_edit, name="profile_edit"),
    path("my/organizations/", sessions.my_organizations, name="my_organizations"),
    path("organizations/<int:pk>/", sessions.organization_detail, name="organization_detail"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/signup/", sessions.session_signup, name="session_signup"),
    path("sessions/<int:pk>/event.ics", sessions.session_ics, name="session_ics"),
    path("signups/cancel/<str:token>/", sessions.signup_cancel_by_token, name="signup_cancel"),
    path("mypage/signups/<int:pk>/cancel/", sessions.mypage_signup_cancel, name="mypage_signup_cancel"),
]
