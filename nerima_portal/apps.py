from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_migrate, post_save


def site_sync(sender, using="default", **kwargs):
    """Make the Site (allauth's mails and pages) name SITE_URL's host: every deploy runs migrate, so it follows the environment."""
    from urllib.parse import urlsplit

    from django.conf import settings
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": domain, "name": "ねりま地域福祉ポータル"}
    )
    Site.objects.clear_cache()


class NerimaPortalConfig(AppConfig):
    name = "nerima_portal"

    def ready(self):
        from community.models import Area, Organization, Place, Town
        from nerima_portal.search import index

        # The search index is kept current on write; these receivers do nothing else (see search/index.py).
        post_save.connect(index.listing_saved, dispatch_uid="nerima_portal.search.listing")
        post_save.connect(index.organization_saved, sender=Organization, dispatch_uid="nerima_portal.search.org")
        post_save.connect(index.place_saved, sender=Place, dispatch_uid="nerima_portal.search.place")
        post_save.connect(index.town_saved, sender=Town, dispatch_uid="nerima_portal.search.town")
        post_save.connect(index.area_saved, sender=Area, dispatch_uid="nerima_portal.search.area")
        post_save.connect(index.record_saved, dispatch_uid="nerima_portal.search.fed")
        m2m_changed.connect(index.relation_changed, dispatch_uid="nerima_portal.search.relation")
        post_migrate.connect(site_sync, sender=self, dispatch_uid="nerima_portal.site_sync")
