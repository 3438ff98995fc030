"""Admin, one module per idea; importing them registers them."""

from progress.admin import report  # noqa: F401
