"""Django settings for Pejling, read from environment variables (see the README)."""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from pejling.config.env import env_bool, env_int, env_list, env_str, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_str("PEJLING_BASE_DIR", str(Path.cwd())))
VAR_DIR = Path(env_str("PEJLING_VAR_DIR", str(BASE_DIR / "var")))
NODE_MODULES_DIR = Path(env_str("PEJLING_NODE_MODULES", str(BASE_DIR / "node_modules")))

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = secret_key("SECRET_KEY", VAR_DIR / "secret_key")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'pejling.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker read while the other writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "pejling.accounts",
    "pejling.audit",
    "pejling.core",
    "pejling.governance",
    "pejling.policy",
    "pejling.taskforce",
    "pejling.barometer",
    "pejling.knowledge",
    "pejling.network",
    "pejling.annualwheel",
    "pejling.reports",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.humanize",
    "django.forms",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "ninja",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pejling.core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pejling.core.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "pejling.audit.middleware.RequestContextMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pejling.config.urls"
WSGI_APPLICATION = "pejling.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pejling.core.context_processors.site",
            ],
        },
    }
]
FORM_RENDERER = "pejling.core.forms.DkfdsFormRenderer"

# Accounts and login
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:start"
LOGOUT_REDIRECT_URL = "accounts:login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_RESET_TIMEOUT = env_int("PEJLING_PASSWORD_RESET_TIMEOUT", 3 * 60 * 60, minimum=60)
SESSION_COOKIE_AGE = env_int("PEJLING_SESSION_AGE", 8 * 60 * 60, minimum=300)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

AXES_FAILURE_LIMIT = env_int("PEJLING_LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("PEJLING_LOGIN_LOCKOUT_MINUTES", 15, minimum=1) / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "pejling.accounts.views.locked_out"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("PEJLING_BEHIND_HTTPS_PROXY") else None
)
# How many reverse proxies in front of Pejling append to X-Forwarded-For (core/clientip.py).
PEJLING_TRUSTED_PROXIES = env_int("PEJLING_TRUSTED_PROXIES", 0, minimum=0)
AXES_CLIENT_IP_CALLABLE = "pejling.core.clientip.client_ip"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("PEJLING_SECURE_COOKIES", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Language and time: Danish first, English complete.
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# Static files: our own from the package, DKFDS and htmx from node_modules (npm ci).
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("dkfds", NODE_MODULES_DIR / "dkfds" / "dist"),
    ("htmx", NODE_MODULES_DIR / "htmx.org" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# E-mail: SMTP when EMAIL_HOST is set, otherwise messages are written to var/mail.
EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.filebased.EmailBackend"
)
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "pejling@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# A cache in the database, shared by every web process: the public form's rate limit must
# count one address's requests across all of them. Created by `pejling createcachetable`.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "pejling_cache",
    }
}

# Background work: Django's task framework with the database backend.
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# The product's own settings.
PEJLING_MUNICIPALITY_NAME = env_str("PEJLING_MUNICIPALITY_NAME", "Københavns Kommune")
PEJLING_ACCESSIBILITY_STATEMENT_URL = env_str(
    "PEJLING_ACCESSIBILITY_STATEMENT_URL", "https://www.was.digst.dk/"
)
PEJLING_ACCESS_LOG_RETENTION_DAYS = env_int("PEJLING_ACCESS_LOG_RETENTION_DAYS", 183, minimum=1)
PEJLING_AUDIT_LOG_RETENTION_DAYS = env_int("PEJLING_AUDIT_LOG_RETENTION_DAYS", 10 * 365, minimum=1)
PEJLING_TASK_RESULT_RETENTION_DAYS = env_int("PEJLING_TASK_RESULT_RETENTION_DAYS", 30, minimum=1)
PEJLING_BASE_URL = env_str("PEJLING_BASE_URL", "http://127.0.0.1:8000")
PEJLING_FIRST_RESPONSE_WORKING_DAYS = env_int("PEJLING_FIRST_RESPONSE_WORKING_DAYS", 3, minimum=1)
PEJLING_CASE_RETENTION_DAYS = env_int("PEJLING_CASE_RETENTION_DAYS", 5 * 365, minimum=30)
PEJLING_PUBLIC_REQUESTS_PER_HOUR = env_int("PEJLING_PUBLIC_REQUESTS_PER_HOUR", 5, minimum=1)
PEJLING_SUBSCRIPTIONS_PER_HOUR = env_int("PEJLING_SUBSCRIPTIONS_PER_HOUR", 5, minimum=1)
PEJLING_ATTACHMENT_MAX_BYTES = env_int(
    "PEJLING_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=1024
)
PEJLING_KNOWLEDGE_ATTACHMENT_MAX_BYTES = env_int(
    "PEJLING_KNOWLEDGE_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024, minimum=1024
)
PEJLING_WORKER_STALE_SECONDS = env_int("PEJLING_WORKER_STALE_SECONDS", 120, minimum=5)
PEJLING_WHEEL_REMINDER_DAYS = env_int("PEJLING_WHEEL_REMINDER_DAYS", 14, minimum=0)
PEJLING_DEMO_PANEL_PERSONS = env_int("PEJLING_DEMO_PANEL_PERSONS", 660_000, minimum=100)
PEJLING_OPARL_PAGE_SIZE = env_int("PEJLING_OPARL_PAGE_SIZE", 100, minimum=1)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("PEJLING_LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

CSRF_FAILURE_VIEW = "pejling.core.views.csrf_failure"

SILENCED_SYSTEM_CHECKS = [
    # Logins are locked per username on purpose: an administration's offices share one address
    # behind NAT, and locking by address would lock every colleague out with the attacker.
    "axes.W006",
]
