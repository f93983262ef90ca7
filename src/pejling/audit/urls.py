from django.urls import path

from pejling.audit import views

app_name = "audit"

urlpatterns = [
    path("revisionsspor/", views.changes, name="changes"),
    path("adgangslog/", views.access, name="access"),
]
