"""The worker's start: what it loads is kept out of the garbage collector's full scans."""

import gc

import pytest

from nerima_portal.warmup import warm_up


@pytest.mark.django_db
def test_what_the_start_loaded_is_frozen_out_of_full_collections():
    try:
        warm_up()
        # pykakasi's dictionary alone is hundreds of thousands of objects.
        assert gc.get_freeze_count() > 100_000
    finally:
        gc.unfreeze()
