from django.urls import path

from pejling.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("ny/", views.report_request, name="report_request"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/dagsorden/", views.report_agenda, name="report_agenda"),
    path("<int:pk>/<str:fmt>/", views.report_file, name="report_file"),
    path("prioriteter/<int:year>/", views.priorities, name="priorities"),
    path("prioriteter/rediger/<int:pk>/", views.priority_edit, name="priority_edit"),
]
