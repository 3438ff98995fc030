"""college models."""

__all__: list[str] = []
