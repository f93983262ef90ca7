from django.urls import path

from pejling.policy import views

app_name = "policy"

urlpatterns = [
    path("", views.policy_list, name="policy_list"),
    path("ny/", views.policy_create, name="policy_create"),
    path("maal/", views.goal_list, name="goal_list"),
    path("maal/ny/", views.goal_create, name="goal_create"),
    path("maal/<int:pk>/", views.goal_detail, name="goal_detail"),
    path("maal/<int:pk>/rediger/", views.goal_edit, name="goal_edit"),
    path("initiativer/", views.initiative_list, name="initiative_list"),
    path("initiativer/ny/", views.initiative_create, name="initiative_create"),
    path("initiativer/<int:pk>/", views.initiative_detail, name="initiative_detail"),
    path("initiativer/<int:pk>/rediger/", views.initiative_edit, name="initiative_edit"),
    path("handleplaner/", views.action_plan_list, name="action_plan_list"),
    path("handleplaner/<int:pk>/", views.action_plan_detail, name="action_plan_detail"),
    path("handleplaner/<int:pk>/docx/", views.action_plan_docx, name="action_plan_docx"),
    path(
        "maalsaetninger/<int:pk>/fremdrift/",
        views.target_progress_create,
        name="target_progress_create",
    ),
    path("budget/", views.budget, name="budget"),
    path("bevillinger/<int:pk>/", views.appropriation_detail, name="appropriation_detail"),
    path("bevillinger/<int:pk>/ny-linje/", views.budget_line_create, name="budget_line_create"),
    path("budgetlinjer/<int:pk>/forbrug/", views.spending_create, name="spending_create"),
    path("tekster/<int:pk>/", views.text_history, name="text_history"),
    path("tekster/<int:pk>/ny-version/", views.text_version_create, name="text_version_create"),
    path("temaer/<int:pk>/", views.theme_detail, name="theme_detail"),
    path("temaer/<int:pk>/rediger/", views.theme_edit, name="theme_edit"),
    path("pejlemaerker/<int:pk>/", views.guidepost_detail, name="guidepost_detail"),
    path("fokusomraader/<int:pk>/", views.focus_area_detail, name="focus_area_detail"),
    path("dele/<str:kind>/ny/", views.part_create, name="part_create"),
    path("dele/<str:kind>/ny/<int:parent_pk>/", views.part_create, name="part_create"),
    path("dele/<str:kind>/<int:pk>/rediger/", views.part_edit, name="part_edit"),
    path("<slug:slug>/nyt-pejlemaerke/", views.guidepost_create, name="guidepost_create"),
    path("<slug:slug>/", views.policy_detail, name="policy_detail"),
    path("<slug:slug>/rediger/", views.policy_edit, name="policy_edit"),
    path("<slug:slug>/fuldstaendighed/", views.policy_completeness, name="policy_completeness"),
    path("<slug:slug>/docx/", views.policy_docx, name="policy_docx"),
    path("<slug:slug>/nyt-tema/", views.theme_create, name="theme_create"),
]
