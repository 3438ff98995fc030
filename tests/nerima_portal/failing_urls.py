"""A URLconf with one view that fails, for the error-report tests (never part of the portal's URLs)."""

from django.urls import path


def fail(request):
    return 1 / 0


urlpatterns = [path("boom/", fail)]
