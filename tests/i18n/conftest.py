from tests.international.conftest import compiled_catalogs  # noqa: F401 (session fixture: compiled .mo files)
