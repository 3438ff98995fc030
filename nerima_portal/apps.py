from django.apps import AppConfig


class NerimaPortalConfig(AppConfig):
    name = "nerima_portal"

    def ready(self):
        from django.db.models.signals import post_save

        from community.models import Area, Organization, Place, Town
        from nerima_portal.search import index

        # The search index is kept current on write; these receivers do nothing else (see search/index.py).
        post_save.connect(index.listing_saved, dispatch_uid="nerima_portal.search.listing")
        post_save.connect(index.organization_saved, sender=Organization, dispatch_uid="nerima_portal.search.org")
        post_save.connect(index.place_saved, sender=Place, dispatch_uid="nerima_portal.search.place")
        post_save.connect(index.town_saved, sender=Town, dispatch_uid="nerima_portal.search.town")
        post_save.connect(index.area_saved, sender=Area, dispatch_uid="nerima_portal.search.area")
