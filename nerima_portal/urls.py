from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page

from community.i18n.urls import language_patterns
from community.views import login
from nerima_portal.sitemaps import SITEMAPS
from nerima_portal.views import health
from nerima_portal.views import pages as views
from opendata.views import api as opendata_api

# The switches (POST, then back to the page) and the admin have one URL; every page has one per language.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    # Findable from outside: the sitemap (an hour in the cache), robots.txt pointing at it, the favicon browsers ask for.
    path("sitemap.xml", cache_page(60 * 60)(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("text-size/", views.text_size, name="text_size"),
    path("furigana/", views.furigana, name="furigana"),
    path("i18n/setlang/", views.set_language, name="set_language"),
    path("admin/", admin.site.urls),
    path("api/v1/", opendata_api.api.urls),
    *language_patterns(
        path("", views.home, name="home"),
        path("search/", views.search, name="search"),
        path("calendar/", views.calendar, name="calendar"),
        path("calendar/month.ics", views.calendar_ics, name="calendar_ics"),
        path("calendar/feed.ics", views.calendar_feed, name="calendar_feed"),
        path("accessibility/", views.accessibility, name="accessibility"),
        # allauth's login, answering 429 once its rate limit is reached (the rest of allauth as it is).
        path("accounts/login/", login.login, name="account_login"),
        path("accounts/", include("allauth.urls")),
        path("", include("community.urls")),
        path("volunteers/", include("volunteers.urls")),
        path("cafes/", include("cafes.urls")),
        path("hiroba/", include("hiroba.urls")),
        path("projects/", include("projects.urls")),
        path("international/", include("international.urls")),
        path("progress/", include("progress.urls")),
        path("opendata/", include("opendata.urls")),
    ),
]
if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Error pages in the site's layout and language (nerima_portal/errors.py).
handler403 = "nerima_portal.errors.permission_denied"
handler404 = "nerima_portal.errors.page_not_found"
handler500 = "nerima_portal.errors.server_error"
