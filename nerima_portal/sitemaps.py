"""sitemap.xml (Django's sitemaps framework): every public listing, place, organization and upcoming session,
and the main pages, in each language (one <url> per language with hreflang alternates)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import timezone

from community.models import Listing, Organization, Place, Session
from community.models.listings import specific_listings

MAIN_PAGES = [
    "home", "calendar", "cafes:index", "cafes:kids_index", "hiroba:index", "hiroba:finder", "hiroba:plaza_list",
    "hiroba:desk_list", "hiroba:request_create", "volunteers:index", "volunteers:openings", "volunteers:college",
    "volunteers:association_list", "volunteers:area_list", "projects:index", "international:index",
    "international:class_list", "international:event_list",
]


class PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class MainPagesSitemap(PortalSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return MAIN_PAGES

    def location(self, item):
        return reverse(item)


class ListingSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        # A bare Listing has no page of its own (it shows on its organization's page, listed separately).
        listings = Listing.objects.published().exclude(kind=Listing._meta.label_lower).order_by("pk")
        return specific_listings(listings)

    def lastmod(self, item):
        return item.updated_at


class OrganizationSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Organization.objects.published().order_by("pk")

    def lastmod(self, item):
        return item.updated_at


class PlaceSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Place.objects.hosting_public_listings().order_by("pk")


class SessionSitemap(PortalSitemap):
    changefreq = "daily"

    def items(self):
        return (
            Session.objects.visible().filter(listing__organization__status="published", is_cancelled=False,
                                             starts_at__gte=timezone.now())
            .order_by("starts_at", "pk")
        )

    def location(self, item):
        return reverse("community:session_detail", args=[item.pk])


SITEMAPS = {
    "pages": MainPagesSitemap,
    "listings": ListingSitemap,
    "organizations": OrganizationSitemap,
    "places": PlaceSitemap,
    "sessions": SessionSitemap,
}
