"""Community admin, one module per idea (imported so the admin registers them)."""

from community.admin import calls, changes, core, outbox, personal_data, users  # noqa: F401
