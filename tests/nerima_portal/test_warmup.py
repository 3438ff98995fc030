"""The worker's start: what it loads is kept out of the garbage collector's full scans."""

import gc

import pytest

from nerima_portal.warmup import warm_up


@pytest.mark.django_db
def test_what_the_start_loaded_is_frozen_out_of_full_collections(frozen_again):
    warm_up()
    # Everything alive, pykakasi's dictionary (hundreds of thousands of objects) among it, is out of the
    # collector's generations: a full collection then walks only what requests make.
    assert gc.get_freeze_count() > 100_000
    assert len(gc.get_objects()) < 1_000
