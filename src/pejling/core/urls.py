from django.urls import path

from pejling.core import views

app_name = "core"

urlpatterns = [
    path("", views.start, name="start"),
    path("opgaver/", views.tasks, name="tasks"),
    path("opgaver/<str:task_id>/fremdrift/", views.task_progress, name="task_progress"),
]
