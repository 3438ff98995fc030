"""オープンデータ: the list of files and feeds with their licence and update time, the CSV files, the iCal feeds
and a plain page documenting the API."""

import datetime as dt

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import cache_page

from community import queries as community_queries
from community.exports import csv_response
from community.i18n.languages import is_japanese
from community.ics import calendar_of
from community.mails import absolute_url
from community.models import Area
from opendata import standard
from opendata.selectors import DATASETS, DATASETS_BY_KEY
from opendata.views.api import MAX_PAGE_SIZE

FEED_DAYS_AHEAD = 92
# Files and feeds are public and the same for everyone; building the event file takes a second or two.
CACHE_SECONDS = 300
FEED_LIMIT = 2000  # a quarter of the ward's sessions fits many times over; the cap stops a runaway file
LICENSE_LINK = f'<{standard.LICENSE_URL}>; rel="license"'
# The licence as the reader reads it; files and the API keep standard.LICENSE_NAME (their columns are Japanese).
LICENSE_NAME = _("クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）")
# Creative Commons publishes the deed in these of our languages; the others read it in English.
DEED_LANGUAGES = {"ja": "ja", "ja-x-easy": "ja", "zh-hans": "zh-hans", "ko": "ko"}


def license_context() -> dict:
    deed = DEED_LANGUAGES.get((get_language() or "ja").lower(), "en")
    return {"license_name": LICENSE_NAME, "license_url": f"https://creativecommons.org/licenses/by/4.0/deed.{deed}",
            "license_hreflang": deed}


def index(request):
    # Other languages name each dataset in their words and give the standard's Japanese name beside it.
    japanese = is_japanese(get_language())
    datasets = [{"dataset": d, "updated_at": d.updated_at(), "url": reverse("opendata:csv", args=[d.key]),
                 "standard_name": "" if japanese else d.standard_name} for d in DATASETS]
    feeds = [{"name": _("すべての開催回"), "url": reverse("opendata:calendar")}] + [
        {"name": area.name, "url": reverse("opendata:calendar") + f"?area={area.slug}"}
        for area in Area.objects.order_by("sort_order")
    ]
    context = {"datasets": datasets, "feeds": feeds, "now": timezone.now(), **license_context()}
    return render(request, "opendata/index.html", context)


@cache_page(CACHE_SECONDS)
def dataset_csv(request, key):
    dataset = DATASETS_BY_KEY.get(key)
    if dataset is None:
        raise Http404
    response = csv_response(dataset.filename(), dataset.columns, dataset.build())
    response["Link"] = LICENSE_LINK
    return response


class FeedForm(forms.Form):
    area = forms.ModelChoiceField(queryset=Area.objects.all(), to_field_name="slug", required=False)


@cache_page(CACHE_SECONDS)
def calendar_feed(request):
    """An iCal feed of the coming three months (all areas, or ?area=slug): subscribe once, stay up to date."""
    form = FeedForm(request.GET)
    if not form.is_valid():
        raise Http404
    area = form.cleaned_data["area"]
    now = timezone.now()
    sessions = (community_queries.upcoming_public_sessions(now=now)
                .filter(starts_at__lt=now + dt.timedelta(days=FEED_DAYS_AHEAD)).order_by("starts_at", "pk"))
    if area:
        sessions = sessions.filter(community_queries.venue_in_area(area))
    name = "ねりま地域福祉ポータル" + (f"（{area.name}）" if area else "")
    body = calendar_of(
        sessions[:FEED_LIMIT], name=name,
        url_for=lambda s: absolute_url(reverse("community:session_detail", args=[s.pk])),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Link"] = LICENSE_LINK
    return response


def api_docs(request):
    """The API described in plain, accessible HTML (the machine-readable schema is /api/v1/openapi.json)."""
    return render(request, "opendata/api.html", {"max_page_size": MAX_PAGE_SIZE, **license_context()})
