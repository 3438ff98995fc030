"""Admin for cafés (imported so the admin registers it)."""

from cafes.admin import cafes  # noqa: F401
