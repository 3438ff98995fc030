"""The yardstick: a bare Django project with one page that lists 50 rows through the ORM and a template.

bench/run.py writes it into its work folder on every run (so it always uses the Django being measured), gives it
its own database in the same PostgreSQL, and serves it with the same gunicorn settings as the portal. It is
`startproject`'s defaults (middleware, apps, cached template loader) plus one model, one view and one template.
"""

from pathlib import Path

ROWS = 1000
PAGE_ROWS = 50

FILES = {
    "bareproject/__init__.py": "",
    "bareproject/settings.py": '''
import os

import dj_database_url

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "items",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "bareproject.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
WSGI_APPLICATION = "bareproject.wsgi.application"
DATABASES = {"default": dj_database_url.parse(os.environ["BARE_DATABASE_URL"], conn_max_age=60)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
LANGUAGE_CODE = "ja"
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True
STATIC_URL = "static/"
''',
    "bareproject/urls.py": '''
from django.urls import path

from items import views

urlpatterns = [path("", views.item_list)]
''',
    "bareproject/wsgi.py": '''
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bareproject.settings")
application = get_wsgi_application()
''',
    "manage.py": '''
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bareproject.settings")
from django.core.management import execute_from_command_line

execute_from_command_line(sys.argv)
''',
    "items/__init__.py": "",
    "items/apps.py": '''
from django.apps import AppConfig


class ItemsConfig(AppConfig):
    name = "items"
''',
    "items/models.py": '''
from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=120)
    description = models.CharField(max_length=200)
    created_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return self.name
''',
    "items/views.py": f'''
from django.shortcuts import render

from items.models import Item


def item_list(request):
    return render(request, "items/list.html", {{"items": Item.objects.order_by("-created_at")[:{PAGE_ROWS}]}})
''',
    "items/templates/items/base.html": '''<!DOCTYPE html>
<html lang="ja">
<head><meta charset="utf-8"><title>{% block title %}{% endblock %}</title></head>
<body><main>{% block content %}{% endblock %}</main></body>
</html>
''',
    "items/templates/items/list.html": '''{% extends "items/base.html" %}
{% block title %}一覧{% endblock %}
{% block content %}
<h1>一覧</h1>
<ul>{% for item in items %}
  <li><a href="/{{ item.pk }}/">{{ item.name }}</a> {{ item.description }} {{ item.created_at|date:"Y-m-d H:i" }}</li>
{% endfor %}</ul>
{% endblock %}
''',
}

SEED = f'''
import datetime as dt
from django.utils import timezone
from items.models import Item
if not Item.objects.exists():
    now = timezone.now()
    Item.objects.bulk_create(
        Item(name=f"項目 {{i}}", description=f"説明文 {{i}} は50行の一覧に並びます", created_at=now - dt.timedelta(minutes=i))
        for i in range({ROWS})
    )
'''


def write_project(root: Path) -> Path:
    """Write the bare project under root and return its folder."""
    for name, text in FILES.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip("\n"), encoding="utf-8")
    (root / "items/migrations").mkdir(exist_ok=True)
    (root / "items/migrations/__init__.py").write_text("")
    return root
