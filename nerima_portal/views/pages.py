from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from community import content_version, ics
from community.fragments import cached_value
from community.i18n.urls import is_language_path, language_from_path, url_in_language
from community.services.profiles import profile_set_language
from nerima_portal import calendar as portal_calendar
from nerima_portal.calendar_grid import grid_rows, month_grid, shows_japanese_only
from nerima_portal.search import query as search_query
from nerima_portal.search.address import address_answer
from nerima_portal.search.forms import SearchForm

ONE_YEAR = 365 * 24 * 60 * 60
# Search results follow the content version; openings stop being findable when their deadline passes, so an entry
# is kept no longer than a cached page.
SEARCH_RESULTS_SECONDS = 5 * 60
GRID_SECONDS = 5 * 60


def csrf_for_accounts(view):
    """The header switches post from every page, and anonymous pages are cached whole and shared, so they carry no
    CSRF token: for an anonymous visitor a switch only sets their own cookie. What a switch saves on a signed-in
    account (the language) is still CSRF-checked; signed-in pages are never cached and carry the token."""

    @csrf_exempt
    @wraps(view)
    def checked(request, *args, **kwargs):
        if request.user.is_authenticated:
            refusal = CsrfViewMiddleware(view).process_view(request, None, (), {})
            if refusal is not None:
                return refusal
        return view(request, *args, **kwargs)

    return checked


def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; the icon itself is a static file.
    return redirect(static("icons/favicon.ico"), permanent=True)


def robots_txt(request):
    """Everything public may be indexed; personal and staff pages are not; the sitemap lists the public pages."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /accounts/",
        "Disallow: /mypage/",
        "Disallow: /my/",
        "Disallow: /staff/",
        "Disallow: /signups/",
        "Disallow: /guest-signups/",
        "Disallow: /search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def home(request):
    # The week's entries are the calendar's cached list entries (with their dates).
    week = portal_calendar.list_entries(portal_calendar.week_sessions(), request=request, show_date=True)
    return render(request, "nerima_portal/home.html", {"week": week})


def search(request):
    """サイト内検索: all kinds grouped with counts, or one kind page by page (?kind=…)."""
    form = SearchForm(request.GET)
    terms = form.terms
    context = {"form": form, "terms": terms, "asked": bool(request.GET.get("q", "").strip())}
    context["results"] = search_results(request, form, context)
    return render(request, "nerima_portal/search.html", context)


def search_results(request, form, context) -> str:
    """The results part of the page (_search_results.html), from the shared cache per address, content version and
    language: counting and scoring every kind, then the hits, were three quarters of the page's work. Its links
    keep the query as typed, so the entry is the query's, not its folded words'."""

    def results() -> str:
        full = {**context, **_search_context(request, form, context["terms"])}
        return render_to_string("nerima_portal/_search_results.html", full, request=request)

    html = cached_value(
        "search-results", request.GET.urlencode(), results, request=request, seconds=SEARCH_RESULTS_SECONDS
    )
    return mark_safe(html)  # noqa: S308 (our own template's output, escaped when rendered)


def _search_context(request, form, terms) -> dict:
    context = {}
    if form.is_valid():
        # An address is answered as a place: what covers that 丁目 and what is near it.
        context["address"] = address_answer(form.cleaned_data["q"])
    if terms:
        area, kind = form.cleaned_data["area"], form.cleaned_data["kind"]
        if kind:
            groups = search_query.search_counts(terms, area=area)
        else:
            groups = search_query.search_overview(terms, area=area)
        context.update(groups=groups, total=sum(group.count for group in groups), kind=kind)
        if kind == search_query.ORGANIZATION:
            page_obj = Paginator(search_query.ordered_organizations(terms, area=area), settings.PAGE_SIZE)
            page_obj = page_obj.get_page(request.GET.get("page"))
            context.update(page_obj=page_obj, hits=search_query.organization_hits(page_obj))
        elif kind:
            page_obj = Paginator(search_query.ordered_listings(terms, area=area, kind=kind), settings.PAGE_SIZE)
            page_obj = page_obj.get_page(request.GET.get("page"))
            context.update(page_obj=page_obj, hits=search_query.listing_hits(page_obj))
        context["kind_label"] = dict(search_query.kind_choices()).get(kind, "")
    return context


def calendar(request):
    """催しのカレンダー: this month's (or ?month=YYYY-MM's) sessions by day, filtered by 地域 and kind."""
    form = portal_calendar.CalendarForm(request.GET)
    month, area, kind = form.choice()
    current = portal_calendar.Month.current()
    if month.first_day < current.first_day:
        # Only what is still ahead is listed: an old month (a bookmark, a printed address) opens this month.
        query = request.GET.copy()
        query["month"] = current.param
        return redirect(f"{reverse('calendar')}?{query.urlencode()}")
    filters = form.filters()
    day = form.chosen_day(month)
    grid, grid_html = calendar_grid(request, month, filters, day)
    paginator = Paginator(portal_calendar.month_sessions(month, day=day, **filters), settings.PAGE_SIZE)
    # The grid counted each day's sessions under the same filters: the list needs no count of its own.
    paginator.count = sum(cell.count for week in grid for cell in week if cell.in_month and day in (None, cell.date))
    page_obj = paginator.get_page(request.GET.get("page"))
    days = portal_calendar.by_day(portal_calendar.list_entries(page_obj.object_list, request=request))
    context = {
        "form": form, "month": month, "area": area, "kind": kind, "page_obj": page_obj, "days": days,
        "previous_month": month.previous if month.previous.first_day >= current.first_day else None,
        "grid": grid, "grid_html": grid_html, "grid_japanese_only": shows_japanese_only(grid), "day": day,
    }
    return render(request, "nerima_portal/calendar.html", context)


def calendar_grid(request, month, filters: dict, day) -> tuple[list, str]:
    """The month's weeks of days with their counts and first titles (calendar_grid.py) and their table
    (_calendar_grid.html), from the shared cache per address, schedule version, language and day: the grid reads
    every session of the month. The schedule version moves with every public write but a sign-up's (which changes
    seats, not the grid), so the grid outlives the most frequent write. Sessions that end today leave today's count
    within GRID_SECONDS, as they leave a cached page."""

    def weeks() -> tuple[list, str]:
        grid = month_grid(month, grid_rows(portal_calendar.month_sessions(month, **filters)))
        context = {"month": month, "grid": grid, "grid_japanese_only": shows_japanese_only(grid), "day": day}
        return grid, render_to_string("nerima_portal/_calendar_grid.html", context, request=request)

    address = f"{timezone.localdate()}:{month.param}?{request.GET.urlencode()}"
    grid, html = cached_value(
        "calendar-grid", address, weeks, request=request, seconds=GRID_SECONDS,
        version=content_version.schedule_current(),
    )
    return grid, mark_safe(html)  # noqa: S308 (our own template's output, escaped when rendered)


def calendar_ics(request):
    """The filtered month as an iCalendar file, for a phone's calendar."""
    form = portal_calendar.CalendarForm(request.GET)
    month, _area, _kind = form.choice()
    # A month of one ward's sessions is bounded; the cap keeps a mistaken filter from building a huge file.
    sessions = portal_calendar.month_sessions(month, **form.filters())[:2000]
    body = ics.calendar_of(sessions, url_for=_session_url(request))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="nerima-{month.param}.ics"'
    return response


def _session_url(request):
    return lambda session: request.build_absolute_uri(reverse("community:session_detail", args=[session.pk]))


def calendar_feed(request):
    """A calendar to subscribe to: the next three months under the chosen filters, kept current by the phone."""
    form = portal_calendar.CalendarForm(request.GET)
    sessions = portal_calendar.feed_sessions(**form.filters())[:2000]
    body = ics.calendar_of(sessions, url_for=_session_url(request), name=str(_("ねりま地域福祉ポータルの催し")))
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


def _safe_next(request) -> str:
    target = request.POST.get("next", "/")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def _remember_choice(request, cookie: str, value: str):
    response = redirect(_safe_next(request))
    response.set_cookie(cookie, value, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure())
    return response


@csrf_exempt  # only sets the visitor's own text-size cookie (see csrf_for_accounts)
@require_POST
def text_size(request):
    """The 標準・大 switch: a cookie, so it works without JavaScript and before login."""
    size = "large" if request.POST.get("size") == "large" else "standard"
    return _remember_choice(request, "textsize", size)


@csrf_exempt  # only sets the visitor's own ふりがな cookie (see csrf_for_accounts)
@require_POST
def furigana(request):
    value = "on" if request.POST.get("furigana") == "on" else "off"
    return _remember_choice(request, "furigana", value)


@csrf_for_accounts
@require_POST
def set_language(request):
    """Django's language switch (cookie + redirect) to the same page under the new language's prefix; a
    logged-in resident also keeps the choice on their account."""
    response = django_set_language(request)
    language = request.POST.get("language")
    if language in dict(settings.LANGUAGES):
        if request.user.is_authenticated:
            profile_set_language(user=request.user, language=language)
        # An unprefixed page follows the cookie just set; a /tl/… page must move to the new language's prefix.
        if response.status_code == 302:
            target = _safe_next(request)
            path = urlsplit(target).path
            if language_from_path(path) and is_language_path(path):
                target = url_in_language(target, language)
            response["Location"] = target
    return response


def accessibility(request):
    """ウェブアクセシビリティ方針: the standard we aim at and what the test suite last measured."""
    from nerima_portal import accessibility as policy

    report = policy.latest_report()
    context = {
        "report": report, "standard": policy.STANDARD, "level": policy.LEVEL,
        "report_languages": [(code, settings.LANGUAGE_NAMES_LOCAL[code]) for code in report.languages] if report else [],
    }
    return render(request, "nerima_portal/accessibility.html", context)
