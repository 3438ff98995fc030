from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from nerima_portal import views

admin.site.site_header = _("ねりま地域福祉ポータル 管理画面")
admin.site.site_title = _("ねりま地域福祉ポータル 管理")
admin.site.index_title = _("管理メニュー")

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/month.ics", views.calendar_ics, name="calendar_ics"),
    path("text-size/", views.text_size, name="text_size"),
    path("furigana/", views.furigana, name="furigana"),
    path("i18n/setlang/", views.set_language, name="set_language"),
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

# Error pages in the site's layout and language (nerima_portal/errors.py).
handler403 = "nerima_portal.errors.permission_denied"
handler404 = "nerima_portal.errors.page_not_found"
handler500 = "nerima_portal.errors.server_error"
