"""WSGI entry point: `gunicorn nerima_portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nerima_portal.settings")
application = get_wsgi_application()

# URL tables, templates, catalogs and ふりがな's dictionary loaded now, not on each worker's first visitor
# (warmup.py); each gunicorn worker then asks itself for every public page (gunicorn.conf.py).
from nerima_portal.warmup import warm_up  # noqa: E402

warm_up()
