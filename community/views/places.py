"""A public page per place: where it is, how to get in, what is held there (only places with public listings)."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from community import geo
from community.models import Place, Session
from community.models.listings import Listing, specific_listings


def place_detail(request, pk):
    place = get_object_or_404(Place.objects.with_area(), pk=pk)
    listings = specific_listings(Listing.objects.published().filter(place=place).by_reading()[:50])
    held_here = Q(place=place) | Q(place__isnull=True, listing__place=place)
    sessions = list(
        Session.objects.upcoming().visible().filter(held_here, listing__organization__status="published")
        .with_listing()[:12]
    )
    if not listings and not Session.objects.visible().filter(place=place).exists():
        raise Http404  # a place nobody public uses stays off the site (it may be someone's home or office)
    context = {
        "place": place,
        "listings": listings,
        "sessions": sessions,
        "map": geo.map_data([geo.map_point(place.name, place, lines=(place.address,))]),
    }
    return render(request, "community/place_detail.html", context)
