from django.urls import path

from pejling.annualwheel import views

app_name = "annualwheel"

urlpatterns = [
    path("", views.wheel, name="wheel"),
    path("<int:year>/", views.wheel, name="wheel_year"),
    path("<int:year>/<int:month>/", views.month, name="month"),
    path("dan-forekomster/", views.generate, name="generate"),
    path("forekomster/<int:pk>/", views.occurrence_detail, name="occurrence_detail"),
    path("forekomster/<int:pk>/rediger/", views.occurrence_edit, name="occurrence_edit"),
    path("forekomster/<int:pk>/udfoer/", views.occurrence_complete, name="occurrence_complete"),
    path("forekomster/<int:pk>/genaabn/", views.occurrence_reopen, name="occurrence_reopen"),
    path("begivenheder/", views.event_list, name="event_list"),
    path("begivenheder/ny/", views.event_create, name="event_create"),
    path("begivenheder/<int:pk>/rediger/", views.event_edit, name="event_edit"),
    path("kalendere/", views.calendar_links, name="calendar_links"),
    path("kalendere/nye-adresser/", views.calendar_renew, name="calendar_renew"),
    path("kalender/<str:token>/<slug:slug>.ics", views.feed, name="feed"),
]
