from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("ny/", views.article_create, name="article_create"),
    path("offentlig/", views.public_list, name="public_list"),
    path("offentlig/<int:pk>/", views.public_detail, name="public_detail"),
    path("fra-sag/<int:case_pk>/", views.article_from_case, name="article_from_case"),
    path("<int:pk>/", views.article_detail, name="article_detail"),
    path("<int:pk>/ret/", views.article_edit, name="article_edit"),
    path("<int:pk>/status/<str:state>/", views.article_move, name="article_move"),
    path("<int:pk>/offentlig/", views.article_public, name="article_public"),
    path("<int:pk>/revisioner/", views.revision_list, name="revision_list"),
    path("<int:pk>/revisioner/<int:number>/", views.revision_detail, name="revision_detail"),
    path(
        "<int:pk>/revisioner/<int:number>/gendan/",
        views.revision_restore,
        name="revision_restore",
    ),
    path("<int:pk>/bilag/", views.attachment_create, name="attachment_create"),
    path(
        "<int:pk>/bilag/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "<int:pk>/bilag/<int:attachment_pk>/slet/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
