"""The network's pages, internal and public (the newsletter's subscribe, confirm, unsubscribe
and archive pages need no login)."""

from django.urls import path

from pejling.network.views import actors, contacts, networks, newsletter

app_name = "network"

urlpatterns = [
    path("", actors.index, name="index"),
    path("organisationer/", actors.organisation_list, name="organisation_list"),
    path("organisationer/ny/", actors.organisation_create, name="organisation_create"),
    path("organisationer/<int:pk>/", actors.organisation_detail, name="organisation_detail"),
    path("organisationer/<int:pk>/ret/", actors.organisation_edit, name="organisation_edit"),
    path("organisationer/<int:pk>/saml/", actors.organisation_merge, name="organisation_merge"),
    path("personer/", actors.person_list, name="person_list"),
    path("personer/ny/", actors.person_create, name="person_create"),
    path("personer/<int:pk>/", actors.person_detail, name="person_detail"),
    path("personer/<int:pk>/ret/", actors.person_edit, name="person_edit"),
    path("personer/<int:pk>/saml/", actors.person_merge, name="person_merge"),
    path("personer/<int:pk>/roller/", actors.membership_create, name="membership_create"),
    path(
        "personer/<int:pk>/roller/<int:membership_pk>/afslut/",
        actors.membership_end,
        name="membership_end",
    ),
    path("personer/<int:pk>/udtraek/", actors.person_extract, name="person_extract"),
    path("personer/<int:pk>/anonymiser/", actors.person_anonymise, name="person_anonymise"),
    path("kontaktpersoner/", contacts.contact_overview, name="contact_overview"),
    path("kontaktpersoner/moeder/", contacts.meeting_list, name="meeting_list"),
    path("kontaktpersoner/moeder/nyt/", contacts.meeting_create, name="meeting_create"),
    path("kontaktpersoner/moeder/<int:pk>/", contacts.meeting_detail, name="meeting_detail"),
    path("kontaktpersoner/moeder/<int:pk>/ret/", contacts.meeting_edit, name="meeting_edit"),
    path("kontaktpersoner/moeder/<int:pk>/slet/", contacts.meeting_delete, name="meeting_delete"),
    path(
        "kontaktpersoner/moeder/<int:pk>/opfoelgning/",
        contacts.meeting_follow_up_create,
        name="meeting_follow_up_create",
    ),
    path(
        "kontaktpersoner/moeder/<int:pk>/opfoelgning/<int:follow_up_pk>/udfoert/",
        contacts.meeting_follow_up_done,
        name="meeting_follow_up_done",
    ),
    path("kontaktpersoner/forslag/", contacts.proposal_list, name="proposal_list"),
    path("kontaktpersoner/forslag/nyt/", contacts.proposal_create, name="proposal_create"),
    path("kontaktpersoner/forslag/<int:pk>/", contacts.proposal_detail, name="proposal_detail"),
    path(
        "kontaktpersoner/forslag/<int:pk>/svar/", contacts.proposal_respond, name="proposal_respond"
    ),
    path("temanetvaerk/", networks.network_list, name="network_list"),
    path("temanetvaerk/nyt/", networks.network_create, name="network_create"),
    path("temanetvaerk/<slug:slug>/", networks.network_detail, name="network_detail"),
    path("temanetvaerk/<slug:slug>/ret/", networks.network_edit, name="network_edit"),
    path(
        "temanetvaerk/<slug:slug>/medlemmer/",
        networks.network_member_add,
        name="network_member_add",
    ),
    path(
        "temanetvaerk/<slug:slug>/medlemmer.<str:fmt>",
        networks.network_members_export,
        name="network_members_export",
    ),
    path(
        "temanetvaerk/<slug:slug>/medlemmer/<int:member_pk>/fjern/",
        networks.network_member_remove,
        name="network_member_remove",
    ),
    path(
        "temanetvaerk/<slug:slug>/vidensbank/", networks.network_articles, name="network_articles"
    ),
    path(
        "temanetvaerk/<slug:slug>/moeder/", networks.network_meeting_add, name="network_meeting_add"
    ),
    path(
        "temanetvaerk/<slug:slug>/moeder/<int:meeting_pk>/ret/",
        networks.network_meeting_edit,
        name="network_meeting_edit",
    ),
    path(
        "temanetvaerk/<slug:slug>/moeder/<int:meeting_pk>/slet/",
        networks.network_meeting_delete,
        name="network_meeting_delete",
    ),
    path("nyhedsbrev/", newsletter.issue_list, name="issue_list"),
    path("nyhedsbrev/nyt/", newsletter.issue_create, name="issue_create"),
    path("nyhedsbrev/<int:pk>/", newsletter.issue_detail, name="issue_detail"),
    path("nyhedsbrev/<int:pk>/ret/", newsletter.issue_edit, name="issue_edit"),
    path("nyhedsbrev/<int:pk>/send/", newsletter.issue_send, name="issue_send"),
    path("nyhedsbrev/<int:pk>/genoptag/", newsletter.issue_resume, name="issue_resume"),
    path("nyhedsbrev/abonnenter/", newsletter.subscriber_list, name="subscriber_list"),
    # Public: no login.
    path("nyhedsbrev/tilmeld/", newsletter.subscribe, name="subscribe"),
    path("nyhedsbrev/tilmeld/tak/", newsletter.subscribe_thanks, name="subscribe_thanks"),
    path("nyhedsbrev/bekraeft/<str:token>/", newsletter.confirm, name="confirm"),
    path("nyhedsbrev/afmeld/<str:token>/", newsletter.unsubscribe, name="unsubscribe"),
    path("nyhedsbrev/arkiv/", newsletter.archive_list, name="archive_list"),
    path("nyhedsbrev/arkiv/<int:pk>/", newsletter.archive_detail, name="archive_detail"),
]
