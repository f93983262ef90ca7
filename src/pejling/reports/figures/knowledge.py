"""Knowledge and networks in the year: the knowledge bank's entries published (best practice
first of all), the theme networks and their meetings, the meetings with the administrations'
contact persons, and the newsletters sent."""

from datetime import date

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration
from pejling.knowledge.models import Article, Kind, State
from pejling.network.models import ContactMeeting, IssueState, Network, NewsletterIssue
from pejling.reports.figures.base import Figure, Section, Table, counted, list_url, short_date


def articles_of(year: int):
    """The entries published in the year that are still published or since archived."""
    return Article.objects.filter(
        published_at__year=year, state__in=(State.PUBLISHED, State.ARCHIVED)
    )


def networks_of(year: int):
    """The theme networks that had members by the year's end or met in the year, with how many
    members they had then, how many joined and how often they met."""
    end = date(year, 12, 31)
    return (
        Network.objects.annotate(
            members_at_end=Count("members", filter=Q(members__joined_on__lte=end), distinct=True),
            joined=Count("members", filter=Q(members__joined_on__year=year), distinct=True),
            meetings_held=Count("meetings", filter=Q(meetings__held_on__year=year), distinct=True),
        )
        .filter(Q(members_at_end__gt=0) | Q(meetings_held__gt=0))
        .order_by("name")
    )


def issues_of(year: int):
    return NewsletterIssue.objects.filter(state=IssueState.SENT, sent_at__year=year)


def knowledge(year: int) -> tuple[Section, list[Figure]]:
    articles = list(articles_of(year).order_by("published_at", "pk"))
    networks = list(networks_of(year))
    issues = list(
        issues_of(year)
        .annotate(
            recipients=Count(
                "deliveries", filter=Q(deliveries__sent_at__isnull=False), distinct=True
            ),
            entries=Count("articles", distinct=True),
        )
        .order_by("sent_at", "pk")
    )
    administrations = list(Administration.objects.all())
    contact_meetings = dict(
        ContactMeeting.objects.filter(held_on__year=year)
        .values_list("administration")
        .annotate(n=Count("id"))
        .order_by()
    )
    article_link = list_url("knowledge:article_list", year=year)
    network_link = list_url("network:network_list")
    issue_link = list_url("network:issue_list")
    contact_link = list_url("network:meeting_list", year=year)
    yes, no = _("ja"), _("nej")
    kind_rows = counted(articles_of(year), "kind", Kind.choices)

    tables = [
        Table(
            "kinds",
            _("Opslag i vidensbanken udgivet i året efter slags"),
            [_("Slags"), _("Opslag")],
            kind_rows,
            article_link,
            row_links=[
                list_url("knowledge:article_list", year=year, kind=value) if row[1] else ""
                for value, row in zip(Kind.values, kind_rows, strict=True)
            ],
        ),
        Table(
            "articles",
            _("Opslag udgivet i året"),
            [_("Opslag"), _("Slags"), _("Udgivet"), _("Offentligt"), _("Status")],
            [
                [
                    article.title,
                    str(article.get_kind_display()),
                    short_date(article.published_at),
                    yes if article.is_public else no,
                    str(article.get_state_display()),
                ]
                for article in articles
            ],
            article_link,
            row_links=[article.get_absolute_url() for article in articles],
            link_column=0,
        ),
        Table(
            "networks",
            _("Temanetværk"),
            [
                _("Netværk"),
                _("Tema"),
                _("Medlemmer ved årets udgang"),
                _("Nye medlemmer i året"),
                _("Møder i året"),
            ],
            [
                [
                    network.name,
                    network.theme,
                    network.members_at_end,
                    network.joined,
                    network.meetings_held,
                ]
                for network in networks
            ],
            network_link,
            row_links=[network.get_absolute_url() for network in networks],
            link_column=0,
        ),
        Table(
            "contact_meetings",
            _("Møder med forvaltningernes kontaktpersoner"),
            [_("Forvaltning"), _("Møder")],
            [[a.short_name, contact_meetings.get(a.pk, 0)] for a in administrations],
            contact_link,
            row_links=[
                list_url("network:meeting_list", year=year, administration=a.pk)
                if contact_meetings.get(a.pk)
                else ""
                for a in administrations
            ],
        ),
        Table(
            "newsletters",
            _("Nyhedsbreve sendt i året"),
            [_("Nyhedsbrev"), _("Sendt"), _("Modtagere"), _("Opslag fra vidensbanken")],
            [
                [issue.title, short_date(issue.sent_at), issue.recipients, issue.entries]
                for issue in issues
            ],
            issue_link,
            row_links=[issue.get_absolute_url() for issue in issues],
            link_column=0,
        ),
    ]
    section = Section(
        "knowledge",
        _("Viden og netværk"),
        _(
            "Opslagene i vidensbanken, der blev udgivet i året, med den gode praksis, task "
            "forcen udbreder; temanetværkene og deres møder; møderne med forvaltningernes "
            "kontaktpersoner; og de nyhedsbreve, der blev sendt, med antallet af modtagere."
        ),
        tables,
    )
    network_meetings = sum(network.meetings_held for network in networks)
    figures = [
        Figure(
            _("Gode praksisser offentliggjort"),
            sum(1 for article in articles if article.kind == Kind.BEST_PRACTICE),
            link=list_url("knowledge:article_list", kind=Kind.BEST_PRACTICE),
        ),
        Figure(_("Opslag i vidensbanken udgivet"), len(articles), link=article_link),
        Figure(_("Møder i temanetværk"), network_meetings, link=network_link),
        Figure(_("Nyhedsbreve sendt"), len(issues), link=issue_link),
        Figure(
            _("Modtagere af nyhedsbreve"),
            sum(issue.recipients for issue in issues),
            link=issue_link,
        ),
    ]
    return section, figures
