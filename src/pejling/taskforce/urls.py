"""The task force's internal pages (the public request form has its own, urls_requests.py)."""

from django.urls import path

from pejling.taskforce import overview_views
from pejling.taskforce.views import lists, personal_data, work

app_name = "taskforce"

urlpatterns = [
    path("visitering/", work.board, name="board"),
    path("overblik/", overview_views.overview_page, name="overview"),
    path("visitering/<str:reference>/", work.board_case, name="board_case"),
    path(
        "visitering/<str:reference>/<slug:action>/",
        work.board_action,
        name="board_action",
    ),
    path("mine-sager/", work.my_cases, name="my_cases"),
    path("persondata/", personal_data.person_search, name="person_search"),
    path("persondata/anonymiser/", personal_data.person_anonymise, name="person_anonymise"),
    path("opsoegende/ny/", work.outreach_create, name="outreach_create"),
    path("sager/", lists.case_list, name="case_list"),
    path("sager/<str:reference>/", work.case_detail, name="case_detail"),
    path("sager/<str:reference>/aktiviteter/", work.activity_create, name="activity_create"),
    path("sager/<str:reference>/opfoelgninger/", work.follow_up_create, name="follow_up_create"),
    path(
        "sager/<str:reference>/opfoelgninger/<int:pk>/udfoert/",
        work.follow_up_done,
        name="follow_up_done",
    ),
    path("sager/<str:reference>/noter/", work.note_create, name="note_create"),
    path("sager/<str:reference>/barrierer/", work.barrier_create, name="barrier_create"),
    path("sager/<str:reference>/bilag/", work.attachment_create, name="attachment_create"),
    path(
        "sager/<str:reference>/bilag/<int:pk>/",
        work.attachment_download,
        name="attachment_download",
    ),
    path("sager/<str:reference>/politik/", work.policy_links, name="policy_links"),
    path("sager/<str:reference>/fordel/", work.case_assign, name="case_assign"),
    path("sager/<str:reference>/afslut/", work.case_close, name="case_close"),
    path("sager/<str:reference>/genaabn/", work.case_reopen, name="case_reopen"),
    path("barrierer/", work.barrier_list, name="barrier_list"),
    path("ordlister/", work.vocabularies, name="vocabularies"),
    path("ordlister/<slug:kind>/", work.vocabulary_save, name="vocabulary_create"),
    path("ordlister/<slug:kind>/<int:pk>/", work.vocabulary_save, name="vocabulary_save"),
]
