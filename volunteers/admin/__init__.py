"""Admin for volunteers, one module per idea (imported so the admin registers them)."""

from volunteers.admin import associations, college  # noqa: F401
