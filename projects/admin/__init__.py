"""Staff screens: calls (fiscal-year settings), applications with review, reports, showcase, consultations."""

from projects.admin import applications, calls, consultations, reports, showcase  # noqa: F401
