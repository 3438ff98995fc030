from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from nerima_portal.sitemaps import SITEMAPS
from nerima_portal.views import health
from nerima_portal.views import pages as views

admin.site.site_header = _("ねりま地域福祉ポータル 管理画面")
admin.site.site_title = _("ねりま地域福祉ポータル 管理")
admin.site.index_title = _("管理メニュー")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    # Findable from outside: the sitemap (an hour in the cache), robots.txt pointing at it, the favicon browsers ask for.
    path("sitemap.xml", cache_page(60 * 60)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("search/", views.search, name="search"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/month.ics", views.calendar_ics, name="calendar_ics"),
    path("calendar/feed.ics", views.calendar_feed, name="calendar_feed"),
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
