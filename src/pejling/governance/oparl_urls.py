"""OParl 1.1 at /oparl/v1/: the System object is the entry point."""

from django.urls import path

from pejling.governance import oparl

app_name = "oparl"

urlpatterns = [
    path("system", oparl.system_view, name="system"),
    path("body", oparl.body_list_view, name="body_list"),
    path("body/<int:body_id>", oparl.body_view, name="body"),
    path(
        "body/<int:body_id>/organization",
        oparl.organization_list_view,
        name="organization_list",
    ),
    path("body/<int:body_id>/person", oparl.person_list_view, name="person_list"),
    path("body/<int:body_id>/meeting", oparl.meeting_list_view, name="meeting_list"),
    path("body/<int:body_id>/paper", oparl.paper_list_view, name="paper_list"),
    path("organization/<int:pk>", oparl.organization_view, name="organization"),
    path(
        "organization/<int:pk>/meeting",
        oparl.organization_meetings_view,
        name="organization_meetings",
    ),
    path("person/<int:pk>", oparl.person_view, name="person"),
    path("membership/<int:pk>", oparl.membership_view, name="membership"),
    path("meeting/<int:pk>", oparl.meeting_view, name="meeting"),
    path("agendaitem/<int:pk>", oparl.agenda_item_view, name="agendaitem"),
    path("paper/<int:pk>", oparl.paper_view, name="paper"),
    path("consultation/<int:pk>", oparl.consultation_view, name="consultation"),
    path("file/<int:pk>", oparl.file_view, name="file"),
]
