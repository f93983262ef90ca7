from django.urls import path

from pejling.governance import views

app_name = "governance"

urlpatterns = [
    path("", views.meeting_list, name="meeting_list"),
    path("moeder/ny/", views.meeting_create, name="meeting_create"),
    path("moeder/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("moeder/<int:pk>/status/", views.meeting_transition, name="meeting_transition"),
    path("moeder/<int:pk>/nyt-punkt/", views.item_create, name="item_create"),
    path("punkter/<int:pk>/", views.item_detail, name="item_detail"),
    path("punkter/<int:pk>/bilag/", views.annex_create, name="annex_create"),
    path("punkter/<int:pk>/beslutning/", views.decision_edit, name="decision_edit"),
    path("punkter/<int:pk>/aendringsforslag/", views.amendment_create, name="amendment_create"),
    path("aendringsforslag/<int:pk>/afgoer/", views.amendment_decide, name="amendment_decide"),
    path("bilag/<int:pk>/", views.annex_download, name="annex_download"),
    path("hoeringer/", views.hearing_list, name="hearing_list"),
    path("hoeringer/ny/", views.hearing_create, name="hearing_create"),
    path("hoeringer/<int:pk>/", views.hearing_detail, name="hearing_detail"),
    path("hoeringer/<int:pk>/rediger/", views.hearing_edit, name="hearing_edit"),
    path("organer/", views.body_list, name="body_list"),
    path("organer/nyt-medlemskab/", views.membership_create, name="membership_create"),
    path("hoeringer/<int:pk>/fase/", views.hearing_transition, name="hearing_transition"),
    path("hoeringer/<int:pk>/nyt-svar/", views.response_create, name="response_create"),
    path("hoeringer/<int:pk>/hoeringsnotat.docx", views.hearing_note_docx, name="note_docx"),
    path("hoeringer/<int:pk>/hoeringsnotat.pdf", views.hearing_note_pdf, name="note_pdf"),
    path("hoeringssvar/<int:pk>/", views.response_detail, name="response_detail"),
    path("hoeringssvar/<int:pk>/original/", views.response_file, name="response_file"),
]
