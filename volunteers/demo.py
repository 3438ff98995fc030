"""Demo data for volunteers: each idea loads its own part."""

from volunteers import demo_associations, demo_college


def load() -> None:
    demo_associations.load()
    demo_college.load()
