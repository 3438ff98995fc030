"""The Site (allauth's mails and pages) follows SITE_URL at every migrate, not the value frozen in a migration."""

import pytest
from django.contrib.sites.models import Site
from django.core.management.sql import emit_post_migrate_signal

pytestmark = pytest.mark.django_db


def test_migrate_sets_the_site_domain_from_site_url(settings):
    settings.SITE_URL = "https://portal.example.jp"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    site = Site.objects.get_current()
    assert (site.domain, site.name) == ("portal.example.jp", "ねりま地域福祉ポータル")


def test_a_new_site_url_replaces_the_old_domain(settings):
    settings.SITE_URL = "https://old.example.jp"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    settings.SITE_URL = "https://new.example.jp:8443"
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Site.objects.get_current().domain == "new.example.jp:8443"
