from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.i18n import set_language

from pejling.config.api import api
from pejling.core import views as core_views

admin.site.site_header = "Pejling"
admin.site.site_title = "Pejling"

urlpatterns = [
    path("", include("pejling.core.urls")),
    path("konto/", include("pejling.accounts.urls")),
    path("log/", include("pejling.audit.urls")),
    path("politik/", include("pejling.policy.urls")),
    path("henvendelse/", include("pejling.taskforce.urls_requests")),
    path("taskforce/", include("pejling.taskforce.urls")),
    path("barometer/", include("pejling.barometer.urls")),
    path("viden/", include("pejling.knowledge.urls")),
    path("netvaerk/", include("pejling.network.urls")),
    path("udvalg/", include("pejling.governance.urls")),
    path("aarshjul/", include("pejling.annualwheel.urls")),
    path("rapporter/", include("pejling.reports.urls")),
    path("oparl/v1/", include("pejling.governance.oparl_urls")),
    path("api/v1/", api.urls),
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
    path("system/", admin.site.urls),
]

handler400 = "pejling.core.views.bad_request"
handler403 = "pejling.core.views.permission_denied"
handler404 = "pejling.core.views.page_not_found"
handler500 = "pejling.core.views.server_error"
