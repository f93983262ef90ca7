from django.urls import path

from pejling.barometer import views

app_name = "barometer"

urlpatterns = [
    path("", views.overview_page, name="overview"),
    path("indikatorer/", views.indicator_list, name="indicator_list"),
    path("indikatorer/ny/", views.indicator_create, name="indicator_create"),
    path("indikatorer/<slug:code>/", views.indicator_detail, name="indicator_detail"),
    path("indikatorer/<slug:code>/graf.svg", views.indicator_chart, name="indicator_chart"),
    path("indikatorer/<slug:code>/rediger/", views.indicator_edit, name="indicator_edit"),
    path("indikatorer/<slug:code>/maal/", views.target_edit, name="target_edit"),
    path("indikatorer/<slug:code>/status/", views.status_override, name="status_override"),
    path("udgaver/", views.edition_list, name="edition_list"),
    path("udgaver/<int:pk>/", views.edition_detail, name="edition_detail"),
    path("udgaver/<int:pk>/offentliggoer/", views.edition_publish, name="edition_publish"),
    path("udgaver/<int:pk>/slet/", views.edition_discard, name="edition_discard"),
    path("udgaver/<int:pk>/sammenlign/", views.edition_compare, name="edition_compare"),
    path("udgaver/<int:pk>/rapport.<slug:fmt>", views.edition_report, name="edition_report"),
    path("indlaes/", views.upload, name="upload"),
    path("indtast/", views.value_create, name="value_create"),
    path("beregn/", views.run_create, name="run_create"),
]
