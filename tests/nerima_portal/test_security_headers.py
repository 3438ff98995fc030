"""CSP without inline script or style, a Permissions-Policy, and templates that need neither."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

TEMPLATES = Path(settings.BASE_DIR) / "templates"


@pytest.mark.django_db
def test_every_page_sends_a_strict_content_security_policy(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


@pytest.mark.django_db
def test_every_page_sends_a_permissions_policy(client):
    header = client.get(reverse("home"))["Permissions-Policy"]
    assert "camera=()" in header and "microphone=()" in header and "geolocation=()" in header


@pytest.mark.django_db
def test_the_admin_sends_the_same_policy(client, staff):
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]


@pytest.mark.parametrize("path", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script_event_handlers_or_style_attributes(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>: move it to static/"
    assert not re.search(r"\son[a-z]+\s*=", text), "an on…= handler: CSP blocks it"
    assert not re.search(r"\sstyle\s*=", text), "a style attribute: CSP blocks it, use a class in static/css"
    assert "<style" not in text, "a <style> element: CSP blocks it"
