from django.apps import AppConfig
from django.db.models.signals import post_migrate


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
        post_migrate.connect(site_sync, sender=self, dispatch_uid="nerima_portal.site_sync")
