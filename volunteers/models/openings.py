"""openings models."""

__all__: list[str] = []
