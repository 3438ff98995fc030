"""Admin for volunteers, one module per idea (imported so the admin registers them)."""

from volunteers.admin import associations, college, hours, vacancies  # noqa: F401
