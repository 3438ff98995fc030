"""hiroba admin: plazas and subsidies, the support-centre map and desks, and the strict consultation admin."""

from hiroba.admin import consultations, directory, plazas  # noqa: F401
