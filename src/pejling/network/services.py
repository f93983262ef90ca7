"""The network's changes: actors and their merging, contact-person meetings and proposals, theme
networks, subscribers and newsletter issues. Each is atomic and audited; mail leaves after the
transaction commits."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.accounts.models import Administration
from pejling.audit import services as audit
from pejling.core import crud
from pejling.core import progress as progress_service
from pejling.network import mail
from pejling.network.models import (
    ContactMeeting,
    Delivery,
    IssueState,
    MeetingFollowUp,
    Membership,
    Merge,
    Network,
    NetworkMeeting,
    NetworkMember,
    NewsletterIssue,
    Organisation,
    Person,
    Proposal,
    ProposalStatus,
    Subscriber,
)

# --- Actors ------------------------------------------------------------------------------------


def create_organisation(*, actor, **fields: Any) -> Organisation:
    return crud.create(actor=actor, instance=Organisation(**fields))


def update_organisation(*, actor, organisation: Organisation, **changes: Any) -> Organisation:
    return crud.update(actor=actor, instance=organisation, changes=changes)


def create_person(*, actor, **fields: Any) -> Person:
    return crud.create(actor=actor, instance=Person(**fields))


def update_person(*, actor, person: Person, **changes: Any) -> Person:
    if person.anonymised_at is not None:
        raise ValidationError(_("Personen er anonymiseret og kan ikke rettes."))
    return crud.update(actor=actor, instance=person, changes=changes)


def add_membership(
    *,
    actor,
    person: Person,
    organisation: Organisation,
    role: str,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Membership:
    if organisation.merged_into_id is not None or person.merged_into_id is not None:
        raise ValidationError(_("Vælg en organisation og en person, der ikke er lagt sammen."))
    return crud.create(
        actor=actor,
        instance=Membership(
            person=person,
            organisation=organisation,
            role=role,
            starts_on=starts_on,
            ends_on=ends_on,
        ),
    )


def end_membership(*, actor, membership: Membership, ends_on: date | None = None) -> Membership:
    return crud.update(
        actor=actor, instance=membership, changes={"ends_on": ends_on or timezone.localdate()}
    )


def _move_network_memberships(field: str, removed, kept) -> int:
    """Move network memberships, dropping the ones the kept record already has."""
    moved = 0
    for member in NetworkMember.objects.filter(**{field: removed}):
        if NetworkMember.objects.filter(network=member.network, **{field: kept}).exists():
            member.delete()
        else:
            NetworkMember.objects.filter(pk=member.pk).update(**{field: kept})
            moved += 1
    return moved


def _check_merge(kept, removed) -> None:
    if kept.pk == removed.pk:
        raise ValidationError(_("Vælg en anden post at lægge sammen med."))
    if kept.merged_into_id is not None or removed.merged_into_id is not None:
        raise ValidationError(
            _("En post, der allerede er lagt sammen, kan ikke lægges sammen igen.")
        )


def merge_organisations(*, actor, kept: Organisation, removed: Organisation) -> Merge:
    """Move every relation of ``removed`` to ``kept`` and mark ``removed`` as merged into it."""
    _check_merge(kept, removed)
    with transaction.atomic():
        moved = {
            "memberships": Membership.objects.filter(organisation=removed).update(
                organisation=kept
            ),
            "networks": _move_network_memberships("organisation", removed, kept),
            "merged": Organisation.objects.filter(merged_into=removed).update(merged_into=kept),
        }
        before = audit.snapshot(removed)
        removed.merged_into = kept
        removed.save(update_fields=["merged_into"])
        audit.record_update(removed, before=before, actor=actor)
        return _record_merge(Merge.Kind.ORGANISATION, kept, removed, moved, actor)


def merge_persons(*, actor, kept: Person, removed: Person) -> Merge:
    """Move every relation of ``removed`` to ``kept``; contact details ``kept`` lacks are kept."""
    _check_merge(kept, removed)
    with transaction.atomic():
        moved = {
            "memberships": Membership.objects.filter(person=removed).update(person=kept),
            "networks": _move_network_memberships("person", removed, kept),
            "merged": Person.objects.filter(merged_into=removed).update(merged_into=kept),
        }
        before_kept = audit.snapshot(kept)
        for name in ("email", "phone"):
            if not getattr(kept, name) and getattr(removed, name):
                setattr(kept, name, getattr(removed, name))
        kept.save(update_fields=["email", "phone"])
        audit.record_update(kept, before=before_kept, actor=actor)
        before = audit.snapshot(removed)
        removed.merged_into = kept
        removed.save(update_fields=["merged_into"])
        audit.record_update(removed, before=before, actor=actor)
        return _record_merge(Merge.Kind.PERSON, kept, removed, moved, actor)


def _record_merge(kind: str, kept, removed, moved: dict, actor) -> Merge:
    merge = Merge.objects.create(
        kind=kind,
        kept_id=kept.pk,
        removed_id=removed.pk,
        moved=moved,
        merged_by=actor if getattr(actor, "pk", None) else None,
    )
    audit.record_create(merge, actor=actor)
    return merge


PERSONAL_FIELDS = ("name", "email", "phone", "notes")


def extract_person(*, actor, person: Person) -> dict:
    """What is held about a person, as plain data (the data subject's right of access)."""
    audit.record_access(person, actor=actor)
    subscriber = (
        Subscriber.objects.filter(email__iexact=person.email).first() if person.email else None
    )
    return {
        "name": person.name,
        "email": person.email,
        "phone": person.phone,
        "notes": person.notes,
        "created_at": person.created_at.isoformat(),
        "memberships": [
            {
                "organisation": m.organisation.name,
                "role": m.role,
                "starts_on": m.starts_on.isoformat() if m.starts_on else None,
                "ends_on": m.ends_on.isoformat() if m.ends_on else None,
            }
            for m in person.memberships.select_related("organisation")
        ],
        "networks": [m.network.name for m in person.network_memberships.select_related("network")],
        "newsletter": (
            {
                "subscribed_at": subscriber.subscribed_at.isoformat(),
                "confirmed_at": subscriber.confirmed_at.isoformat()
                if subscriber.confirmed_at
                else None,
                "unsubscribed_at": subscriber.unsubscribed_at.isoformat()
                if subscriber.unsubscribed_at
                else None,
            }
            if subscriber
            else None
        ),
    }


def anonymise_person(*, actor, person: Person) -> Person:
    """Remove a person's personal data; their roles remain, without a name."""
    with transaction.atomic():
        before = audit.snapshot(person)
        person.name = _("Anonymiseret person")
        person.email = ""
        person.phone = ""
        person.notes = ""
        person.anonymised_at = timezone.now()
        person.save(update_fields=[*PERSONAL_FIELDS, "anonymised_at"])
        audit.record_update(person, before=before, actor=actor)
    return person


# --- Contact persons ---------------------------------------------------------------------------


def create_meeting(*, actor, **fields: Any) -> ContactMeeting:
    return crud.create(actor=actor, instance=ContactMeeting(created_by=actor, **fields))


def update_meeting(*, actor, meeting: ContactMeeting, **changes: Any) -> ContactMeeting:
    return crud.update(actor=actor, instance=meeting, changes=changes)


def delete_meeting(*, actor, meeting: ContactMeeting) -> None:
    """Delete a meeting with its follow-ups, each deletion audited."""
    with transaction.atomic():
        for follow_up in meeting.follow_ups.all():
            crud.delete(actor=actor, instance=follow_up)
        crud.delete(actor=actor, instance=meeting)


def add_meeting_follow_up(
    *, actor, meeting: ContactMeeting, text: str, responsible: str = "", due_on=None
) -> MeetingFollowUp:
    return crud.create(
        actor=actor,
        instance=MeetingFollowUp(
            meeting=meeting, text=text, responsible=responsible, due_on=due_on
        ),
    )


def complete_meeting_follow_up(*, actor, follow_up: MeetingFollowUp) -> MeetingFollowUp:
    if follow_up.done_at is not None:
        return follow_up
    return crud.update(actor=actor, instance=follow_up, changes={"done_at": timezone.now()})


def propose_focus_area(
    *,
    actor,
    administration: Administration,
    title: str,
    reasoning: str,
    barriers: Iterable = (),
    cases: Iterable = (),
) -> Proposal:
    from pejling.network.permissions import can_manage

    if not can_manage(actor) and administration.pk != getattr(actor, "administration_id", None):
        raise ValidationError(
            {"administration": _("Du kan kun stille forslag for din egen forvaltning.")}
        )
    return crud.create(
        actor=actor,
        instance=Proposal(
            administration=administration, title=title, reasoning=reasoning, proposed_by=actor
        ),
        m2m={"barriers": list(barriers), "cases": list(cases)},
    )


def respond_to_proposal(*, actor, proposal: Proposal, status: str, response: str = "") -> Proposal:
    """Move a proposal along its status map, with the task force's answer."""
    if status != proposal.status and status not in proposal.allowed_transitions():
        raise ValidationError(
            {
                "status": _("Et forslag kan ikke gå fra “%(old)s” til “%(new)s”.")
                % {
                    "old": proposal.get_status_display(),
                    "new": ProposalStatus(status).label
                    if status in ProposalStatus.values
                    else status,
                }
            }
        )
    return crud.update(
        actor=actor, instance=proposal, changes={"status": status, "response": response}
    )


# --- Theme networks ----------------------------------------------------------------------------


def create_network(*, actor, **fields: Any) -> Network:
    return crud.create(actor=actor, instance=Network(**fields))


def update_network(*, actor, network: Network, **changes: Any) -> Network:
    return crud.update(actor=actor, instance=network, changes=changes)


def add_network_member(
    *,
    actor,
    network: Network,
    person: Person | None = None,
    organisation: Organisation | None = None,
    joined_on: date | None = None,
) -> NetworkMember:
    if (person is None) == (organisation is None):
        raise ValidationError(_("Vælg enten en person eller en organisation."))
    existing = NetworkMember.objects.filter(
        network=network, person=person, organisation=organisation
    )
    if existing.exists():
        raise ValidationError(
            _("%(member)s er allerede med i netværket.") % {"member": person or organisation}
        )
    return crud.create(
        actor=actor,
        instance=NetworkMember(
            network=network,
            person=person,
            organisation=organisation,
            joined_on=joined_on or timezone.localdate(),
        ),
    )


def remove_network_member(*, actor, member: NetworkMember) -> None:
    crud.delete(actor=actor, instance=member)


def add_network_meeting(*, actor, network: Network, **fields: Any) -> NetworkMeeting:
    return crud.create(actor=actor, instance=NetworkMeeting(network=network, **fields))


def update_network_meeting(*, actor, meeting: NetworkMeeting, **changes: Any) -> NetworkMeeting:
    return crud.update(actor=actor, instance=meeting, changes=changes)


def delete_network_meeting(*, actor, meeting: NetworkMeeting) -> None:
    crud.delete(actor=actor, instance=meeting)


def share_articles(*, actor, network: Network, articles: Iterable) -> Network:
    return crud.update(
        actor=actor, instance=network, changes={}, m2m={"shared_articles": list(articles)}
    )


# --- Newsletter: subscribers -------------------------------------------------------------------


def subscribe(*, email: str, name: str = "") -> Subscriber:
    """Ask for the newsletter: a confirmation mail goes out; nothing else until it is confirmed.

    Asking again re-sends the confirmation, also after unsubscribing; the answer never says
    whether the address was known, so the form reveals nobody's subscription.
    """
    email = email.strip().lower()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            subscriber = crud.create(actor=None, instance=Subscriber(email=email, name=name))
        elif subscriber.is_active:
            return subscriber
        transaction.on_commit(lambda: mail.send_confirmation(subscriber))
    return subscriber


def confirm_subscription(*, token: str) -> Subscriber:
    """Confirm the address in a signed confirmation link; refuses a bad or expired link."""
    email = mail.read_confirmation_token(token)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            raise ValidationError(_("Linket er ugyldigt. Tilmeld dig igen."))
        if not subscriber.is_active:
            crud.update(
                actor=None,
                instance=subscriber,
                changes={"confirmed_at": timezone.now(), "unsubscribed_at": None},
            )
    return subscriber


def unsubscribe(*, token: str) -> str:
    """Stop the newsletter for the address in a signed unsubscribe link; returns the address."""
    email = mail.read_unsubscribe_token(token)
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            # A network member who never subscribed: remember that they said no.
            subscriber = crud.create(
                actor=None,
                instance=Subscriber(email=email, unsubscribed_at=timezone.now()),
            )
        elif subscriber.unsubscribed_at is None:
            crud.update(
                actor=None, instance=subscriber, changes={"unsubscribed_at": timezone.now()}
            )
    return email


# --- Newsletter: issues ------------------------------------------------------------------------


def create_issue(
    *, actor, networks: Iterable = (), articles: Iterable = (), **fields
) -> NewsletterIssue:
    m2m: dict[str, list] = {"networks": list(networks)}
    if articles:
        m2m["articles"] = list(articles)
    return crud.create(actor=actor, instance=NewsletterIssue(created_by=actor, **fields), m2m=m2m)


def update_issue(
    *, actor, issue: NewsletterIssue, networks: Iterable | None = None, articles=None, **changes
) -> NewsletterIssue:
    if issue.state != IssueState.DRAFT:
        raise ValidationError(_("Et nyhedsbrev, der er sendt, kan ikke rettes."))
    m2m: dict[str, list] = {}
    if networks is not None:
        m2m["networks"] = list(networks)
    if articles is not None:
        m2m["articles"] = list(articles)
    return crud.update(actor=actor, instance=issue, changes=changes, m2m=m2m)


def recipients(issue: NewsletterIssue) -> list[str]:
    """The addresses an issue goes to: members of its networks and confirmed subscribers,
    less everyone who unsubscribed, each once."""
    emails: set[str] = set()
    if issue.to_subscribers:
        emails |= set(
            Subscriber.objects.filter(
                confirmed_at__isnull=False, unsubscribed_at__isnull=True
            ).values_list("email", flat=True)
        )
    networks = issue.networks.all()
    persons = Person.objects.current().filter(anonymised_at__isnull=True).exclude(email="")
    emails |= {
        e.lower()
        for e in persons.filter(network_memberships__network__in=networks).values_list(
            "email", flat=True
        )
    }
    emails |= {
        e.lower()
        for e in persons.filter(
            memberships__organisation__network_memberships__network__in=networks,
            memberships__ends_on__isnull=True,
        ).values_list("email", flat=True)
    }
    refused = set(
        Subscriber.objects.filter(unsubscribed_at__isnull=False).values_list("email", flat=True)
    )
    return sorted(emails - refused)


def start_sending(*, actor, issue: NewsletterIssue) -> NewsletterIssue:
    """Lock the issue against edits and put the sending on the background queue."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
        if issue.state != IssueState.DRAFT:
            raise ValidationError(_("Nyhedsbrevet er allerede sendt eller ved at blive sendt."))
        total = len(recipients(issue))
        if not total:
            raise ValidationError(
                _("Nyhedsbrevet har ingen modtagere. Vælg netværk eller abonnenter.")
            )
        before = audit.snapshot(issue)
        issue.state = IssueState.SENDING
        issue.save(update_fields=["state"])
        audit.record_update(issue, before=before, actor=actor)
        transaction.on_commit(lambda: _enqueue_sending(actor=actor, issue=issue, total=total))
    return issue


def _enqueue_sending(*, actor, issue: NewsletterIssue, total: int) -> None:
    """Put the sending on the background queue and start its progress for ``actor``."""
    from pejling.network.tasks import send_issue

    result = send_issue.enqueue(issue_id=issue.pk)
    NewsletterIssue.objects.filter(pk=issue.pk).update(task_id=str(result.id))
    progress_service.start(
        task_id=result.id,
        owner=actor if getattr(actor, "pk", None) else None,
        label=_("Udsendelse af nyhedsbrev: %(title)s") % {"title": issue.title},
        total=total,
    )


def resume_sending(*, actor, issue: NewsletterIssue) -> NewsletterIssue:
    """Run the sending again after it failed; only recipients not yet reached get the issue."""
    from django_tasks import TaskResultStatus, default_task_backend

    if issue.state != IssueState.SENDING:
        raise ValidationError(_("Kun et nyhedsbrev, der er ved at blive sendt, kan sendes igen."))
    if issue.task_id:
        status = default_task_backend.get_result(issue.task_id).status
        if status not in (TaskResultStatus.FAILED,):
            raise ValidationError(_("Udsendelsen er stadig i gang."))
    _enqueue_sending(actor=actor, issue=issue, total=len(recipients(issue)))
    issue.refresh_from_db()
    return issue


def deliver_issue(issue: NewsletterIssue, *, task_id: str = "", connection=None) -> int:
    """Send ``issue`` to every recipient not yet sent to; safe to run again. Returns the count
    sent in this run."""
    # One row per recipient; an address already there (an earlier run) is left as it is.
    Delivery.objects.bulk_create(
        [Delivery(issue=issue, email=email) for email in recipients(issue)],
        ignore_conflicts=True,
    )
    pending = list(Delivery.objects.filter(issue=issue).order_by("id"))
    articles = mail.issue_articles(issue)
    total = len(pending)
    sent = 0
    for done, delivery in enumerate(pending, start=1):
        with transaction.atomic():
            # Claimed with a conditional update, so two runs never send to one address twice;
            # the mail leaves inside the transaction, so a failed send is tried again.
            claimed = Delivery.objects.filter(pk=delivery.pk, sent_at__isnull=True).update(
                sent_at=timezone.now()
            )
            if claimed:
                mail.send_issue(issue, delivery.email, connection=connection, articles=articles)
                sent += 1
        if task_id:
            progress_service.report(
                task_id,
                current=done,
                total=total,
                message=_("%(done)d af %(total)d modtagere") % {"done": done, "total": total},
            )
    with transaction.atomic():
        before = audit.snapshot(issue)
        issue.state = IssueState.SENT
        issue.sent_at = issue.sent_at or timezone.now()
        issue.save(update_fields=["state", "sent_at"])
        audit.record_update(issue, before=before, actor=None)
    return sent
