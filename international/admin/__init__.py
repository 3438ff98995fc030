"""Admin for the foreign-resident programs (imported so the admin registers them)."""

from international.admin import programs  # noqa: F401
