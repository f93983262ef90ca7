"""Requests in: /henvendelse/ (public) and /henvendelse/rekvirering/ (contact persons)."""

from django.urls import path

from pejling.taskforce.views import requests as views

app_name = "requests"

urlpatterns = [
    path("", views.public_create, name="public_create"),
    path("kvittering/<slug:token>/", views.receipt, name="receipt"),
    path("status/<slug:token>/", views.status, name="status"),
    path("rekvirering/", views.contact_list, name="contact_list"),
    path("rekvirering/ny/", views.contact_create, name="contact_create"),
]
