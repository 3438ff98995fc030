"""commissioners models."""

__all__: list[str] = []
