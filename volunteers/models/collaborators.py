"""collaborators models."""

__all__: list[str] = []
