"""Demo data (demo_college)."""


def load() -> None:
    """Filled in by its owner."""
