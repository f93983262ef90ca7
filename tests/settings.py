"""Settings for the test suite: the product's own, plus a small app for the audit tests."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-secret")
os.environ.setdefault("PEJLING_VAR_DIR", tempfile.mkdtemp(prefix="pejling-tests-"))

from pejling.config.settings import *  # noqa: F403
from pejling.config.settings import INSTALLED_APPS, STATIC_ROOT, STORAGES

INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# WhiteNoise warns about a missing STATIC_ROOT; tests serve static files through the finders.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)

# The demo barometer computes from a generated register panel; a small one keeps tests fast.
PEJLING_DEMO_PANEL_PERSONS = 3000
