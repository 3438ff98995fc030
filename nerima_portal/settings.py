"""Settings for ねりま地域福祉ポータル, read from the environment (see README)."""

from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from nerima_portal.env import cache_config, env_admins, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

# PRODUCTION switches on every deploy-time safeguard; development stays zero-setup.
PRODUCTION = env_bool("PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105 - public on purpose, refused below
SECRET_KEY = env_str("SECRET_KEY", None if PRODUCTION else DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    # The development key is public: with it anyone can forge cancel links and sessions.
    raise ImproperlyConfigured("DEBUG=false needs its own SECRET_KEY: the development key is public")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Links in mails and the Site domain (nerima_portal.apps syncs it at every migrate) come from here.
SITE_URL = env_str("SITE_URL", None if PRODUCTION else "http://127.0.0.1:8000")
# Addresses (or networks) of our own reverse proxies: only their X-Forwarded-For is believed.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
ADMINS = env_admins("ADMINS")
SENTRY_DSN = env_str("SENTRY_DSN", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so its translated fields show there.
    "modeltranslation",
    # Django's admin with the portal's site (community/admin_site.py): staff need their second factor.
    "community.admin_apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "csp",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_filters",
    "simple_history",
    # The outbox's task queue (django-tasks backport, its database backend); before community, whose admin
    # hides the queue's English-only admin page.
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API's own Swagger UI files (served locally, no CDN)
    "nerima_portal",
    "community",
    "volunteers",
    "cafes",
    "hiroba",
    "projects",
    "international",
    # Site layer: read every app through its queries.py (issue 18).
    "progress",
    "opendata",
]

MIDDLEWARE = [
    # First, so that every later part (rate limits, allauth, logs) sees the real client address.
    "nerima_portal.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language: /en/…, /easy/… prefixes first, else the cookie, the browser, Japanese (community/i18n/urls.py).
    "community.i18n.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Whole pages for anonymous visitors from the shared cache: after the language is known and after the CSRF
    # middleware (which sets the cookie of the token each visitor's copy gets), before ふりがな.
    "nerima_portal.page_cache.AnonymousPageCacheMiddleware",
    # Readings over kanji when ふりがな are on (rewrites the finished Japanese page).
    "community.i18n.middleware.FuriganaMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "community.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "nerima_portal.middleware.PrivacyHeadersMiddleware",
    # Staff: second factor before any staff page, 30 minutes idle, 12 hours in all (community/staff_sign_in.py).
    "community.staff_sign_in.StaffSessionMiddleware",
]

ROOT_URLCONF = "nerima_portal.urls"
WSGI_APPLICATION = "nerima_portal.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nerima_portal.context_processors.portal",
                "community.i18n.context_processors.languages",
                # On a page the page cache may share, the CSRF token's placeholder (nerima_portal/page_token.py).
                "nerima_portal.page_token.csrf",
            ],
        },
    },
    {
        # Plain-text mails: the same templates, never HTML-escaped (community/mails.py renders with it).
        "NAME": "mail_text",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {"autoescape": False},
    },
]

# Widgets render through TEMPLATES, so templates/ may override a widget of Django's (the admin's date/time boxes).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", 60 if PRODUCTION else 0),
        # A kept connection is checked before each request, so a database restart costs no failed page.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent writers wait for the lock instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "community.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: e-mail is the login, and it must be verified.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[ねりま地域福祉ポータル] "
# allauth's mails are queued in the outbox like every other mail.
ACCOUNT_ADAPTER = "community.account_adapter.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# A changed password ends the session everywhere, this one included.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = True
# Two-factor sign-in (required for staff, see docs/staff-sign-in.md): an authenticator app with recovery codes,
# or a security key. Security keys need HTTPS, or 127.0.0.1/localhost in development.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_ADAPTER = "community.staff_sign_in.PortalMFAAdapter"
MFA_TOTP_ISSUER = "ねりま地域福祉ポータル"
# A code typed just as it changed is still taken (one 30-second step either way, as RFC 6238 allows for delay).
MFA_TOTP_TOLERANCE = 1
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG and not PRODUCTION
LOGIN_REDIRECT_URL = "community:mypage"
LOGIN_URL = "account_login"

LANGUAGE_CODE = "ja"
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True
# Tagalog and やさしい日本語 are ours to support: Django ships neither their language info nor catalogs.
LANG_INFO.setdefault("tl", {"bidi": False, "code": "tl", "name": "Tagalog", "name_local": "Tagalog"})
LANG_INFO.setdefault(
    "ja-x-easy", {"bidi": False, "code": "ja-x-easy", "name": "Easy Japanese", "name_local": "やさしい日本語"}
)
LANGUAGES = [
    ("ja", _("日本語")),
    ("en", _("English")),
    ("zh-hans", _("中文（简体）")),
    ("ko", _("한국어")),
    ("tl", _("Tagalog")),
    ("ja-x-easy", _("やさしい日本語")),
]
LANGUAGE_NAMES_LOCAL = {
    "ja": "日本語", "en": "English", "zh-hans": "中文", "ko": "한국어", "tl": "Tagalog", "ja-x-easy": "やさしい日本語",
}
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content translated per field (international/translation.py): Japanese is the original and the fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ja"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ja",)
# やさしい日本語 reads the Japanese columns (it has no columns of its own); listings and organizations carry
# their やさしい日本語 in community.models.translations.
MODELTRANSLATION_LANGUAGES = ("ja", "en", "zh-hans", "ko", "tl")
# Date and number formats for the languages Django has none for (Tagalog).
FORMAT_MODULE_PATH = ["community.i18n.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
# Public images (logos, photos): nginx serves MEDIA_ROOT at MEDIA_URL in production.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Private documents (grant attachments, reports): outside every public root, served only by
# permission-checked views (nerima_portal/private_files.py), through nginx's X-Accel-Redirect when set.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(BASE_DIR / "private_media")))
PRIVATE_MEDIA_X_ACCEL_PREFIX = env_str("PRIVATE_MEDIA_X_ACCEL_PREFIX", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "community.private_files.PrivateFileSystemStorage",
        "OPTIONS": {"directory_permissions_mode": 0o750, "file_permissions_mode": 0o640},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Uploads larger than this are refused before they reach a form.
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "ねりま地域福祉ポータル <noreply@portal.example.jp>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# 当番の区職員: the shared inbox that receives whatever a resident sends when nobody closer can (community/notify.py).
WARD_DUTY_EMAIL = env_str("WARD_DUTY_EMAIL", "ward-duty@portal.example.jp")
# Connect/read timeout for the mail server (seconds): a hung server fails the attempt instead of the worker.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)

# The outbox (docs/outbox.md): mails are rows in the database, sent by `python manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# /healthz fails when the oldest task ready to run has waited longer than this (seconds): the worker is stuck.
TASK_QUEUE_MAX_LAG = env_int("TASK_QUEUE_MAX_LAG", 300)
# Seconds to wait before each retry of a mail the server refused; after the last, staff see it in the admin.
OUTBOX_RETRY_DELAYS = [int(seconds) for seconds in env_list("OUTBOX_RETRY_DELAYS", "60,300,1800,7200,21600")]
# A mail still unsent this long after it was due, with no live task, lost its worker: outbox_requeue gives it a new one.
OUTBOX_STUCK_AFTER = env_int("OUTBOX_STUCK_AFTER", 600)

# Cache, sessions' fast path and every rate limit live in Redis so that all app servers share them.
# Development may use local memory (the default, so `make run` needs no Redis) or db://table.
CACHE_URL = env_str("CACHE_URL", env_str("REDIS_URL", ""))
if PRODUCTION and not CACHE_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured("PRODUCTION=true needs CACHE_URL (or REDIS_URL) pointing at Redis")
CACHES = {"default": cache_config(CACHE_URL or "locmem://")}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# django-ratelimit counts in the shared cache and keys on REMOTE_ADDR, which TrustedProxyMiddleware set.
RATELIMIT_USE_CACHE = "default"
# Whole anonymous pages are kept this long at most (any content change drops them at once; see page_cache.py).
# Off by default while developing, so that a template edit shows on reload.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0 if DEBUG else 300)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
# The refused form keeps what was typed and offers to send it again (nerima_portal/errors.py).
CSRF_FAILURE_VIEW = "nerima_portal.errors.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No inline script or style anywhere (CSS and JS live in static/); nothing may frame the portal.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # 地理院タイル for the maps (issue 17; MAP_TILE_URL).
        "img-src": [SELF, "data:", "https://cyberjapandata.gsi.go.jp"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()"
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # The load balancer asks /healthz over plain HTTP inside the ward's network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Pages list this many rows at a time.
PAGE_SIZE = 20

# One JSON line per record on stdout (tracebacks included) in production; readable lines in development.
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "nerima_portal.logs.JsonFormatter"},
        "text": {"format": "%(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stdout": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": LOG_FORMAT},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR",
                        "filters": ["require_debug_false"]},
    },
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        # Errors of requests (500s with their traceback) reach stdout through the root, and ADMINS by mail.
        "django": {"handlers": ["mail_admins"], "level": "INFO"},
        # 4xx answers are in nginx's access log; here only what failed inside the portal.
        "django.request": {"level": "ERROR"},
        "nerima": {"level": env_str("LOG_LEVEL", "INFO")},
    },
}

if SENTRY_DSN:
    import sentry_sdk

    # Errors only, no personal data: residents' names and addresses stay in the ward.
    sentry_sdk.init(
        dsn=SENTRY_DSN, environment=env_str("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "development"),
        send_default_pii=False, traces_sample_rate=0.0,
    )
