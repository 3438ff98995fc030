"""Demo data (demo_associations)."""


def load() -> None:
    """Filled in by its owner."""
