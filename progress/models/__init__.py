"""Models, one module per idea."""

from progress.models.report import Report

__all__ = ["Report"]
