from django.urls import path

from community import views

app_name = "community"

urlpatterns = [
    path("mypage/", views.mypage, name="mypage"),
    path("my/organizations/", views.my_organizations, name="my_organizations"),
    path("organizations/<int:pk>/", views.organization_detail, name="organization_detail"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/signup/", views.session_signup, name="session_signup"),
    path("sessions/<int:pk>/event.ics", views.session_ics, name="session_ics"),
    path("signups/cancel/<str:token>/", views.signup_cancel, name="signup_cancel"),
    path("mypage/signups/<int:pk>/cancel/", views.mypage_signup_cancel, name="mypage_signup_cancel"),
]
