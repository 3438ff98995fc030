from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from community.views import login
from nerima_portal import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/month.ics", views.calendar_ics, name="calendar_ics"),
    path("text-size/", views.text_size, name="text_size"),
    path("furigana/", views.furigana, name="furigana"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    # allauth's login, answering 429 once its rate limit is reached (the rest of allauth as it is).
    path("accounts/login/", login.login, name="account_login"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("", include("community.urls")),
    path("volunteers/", include("volunteers.urls")),
    path("cafes/", include("cafes.urls")),
    path("hiroba/", include("hiroba.urls")),
    path("projects/", include("projects.urls")),
    path("international/", include("international.urls")),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
