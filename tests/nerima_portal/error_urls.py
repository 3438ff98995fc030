"""The portal's URLs plus two that fail on purpose, for the error page tests."""

from django.core.exceptions import PermissionDenied
from django.urls import path

from nerima_portal.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401 (handlers)


def _boom(request):
    raise RuntimeError("a bug, on purpose")


def _forbidden(request):
    raise PermissionDenied


urlpatterns = [path("test-error/boom/", _boom), path("test-error/forbidden/", _forbidden), *urlpatterns]
