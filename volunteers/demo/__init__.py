"""Demo data for volunteers: each program loads its own part."""

from volunteers.demo import associations, college


def load() -> None:
    associations.load()
    college.load()
