"""Changes to meetings, decisions, amendments and hearings. Each is atomic and audited."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from pejling.audit import services as audit
from pejling.core import crud
from pejling.governance import files
from pejling.governance.models import (
    AgendaItem,
    Amendment,
    Annex,
    Body,
    ElectoralTerm,
    Hearing,
    HearingParty,
    HearingResponse,
    Meeting,
    Membership,
    Person,
    RecommendationPoint,
    Vote,
)
from pejling.policy import services as policy_services
from pejling.policy.models import TextVersion

# --- People and their memberships -------------------------------------------------------------


def add_membership(
    *,
    actor,
    name: str,
    body: Body,
    role: str = Membership.Role.MEMBER,
    party: Body | None = None,
    term: ElectoralTerm | None = None,
    form_of_address: str = "",
) -> Membership:
    """A person's seat in a body; the person is found by name or created."""
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Skriv personens navn.")})
    if party is not None and party.kind != Body.Kind.PARTY_GROUP:
        raise ValidationError({"party": _("Vælg en partigruppe som parti.")})
    with transaction.atomic():
        person = Person.objects.filter(name=name).first() or crud.create(
            actor=actor, instance=Person(name=name, form_of_address=form_of_address)
        )
        if Membership.objects.filter(person=person, body=body, term=term).exists():
            raise ValidationError(
                {
                    "name": _("%(name)s er allerede medlem af %(body)s i denne valgperiode.")
                    % {"name": name, "body": body}
                }
            )
        return crud.create(
            actor=actor,
            instance=Membership(person=person, body=body, role=role, party=party, term=term),
        )


# --- Meetings and agenda items ----------------------------------------------------------------


def create_meeting(
    *,
    actor,
    body: Body,
    starts_at: datetime,
    location: str = "",
    name: str = "Ordinært møde",
    state: str = Meeting.State.PLANNED,
) -> Meeting:
    """A meeting; one that lies in the past can only be recorded as held (or later)."""
    return crud.create(
        actor=actor,
        instance=Meeting(body=body, starts_at=starts_at, location=location, name=name, state=state),
    )


def transition_meeting(*, actor, meeting: Meeting, to: str) -> Meeting:
    """Move a meeting to its next state; illegal moves are refused and nothing changes."""
    with transaction.atomic():
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
        if to not in meeting.allowed_states():
            raise ValidationError(
                {
                    "state": _("Et møde kan ikke gå fra “%(old)s” til “%(new)s”.")
                    % {
                        "old": meeting.get_state_display(),
                        "new": Meeting.State(to).label if to in Meeting.State.values else to,
                    }
                }
            )
        if to == Meeting.State.HELD and meeting.starts_at > timezone.now():
            raise ValidationError({"state": _("Mødet kan ikke være afholdt, før det er begyndt.")})
        return crud.update(actor=actor, instance=meeting, changes={"state": to})


def add_agenda_item(
    *,
    actor,
    meeting: Meeting,
    title: str,
    case_reference: str = "",
    recommended_by: str = "",
    summary: str = "",
    case_description: str = "",
    recommendation_points: list[str] | None = None,
    number: int | None = None,
) -> AgendaItem:
    """The next numbered item of a meeting, with its recommendation's numbered points."""
    with transaction.atomic():
        Meeting.objects.select_for_update().get(pk=meeting.pk)
        if meeting.is_held:
            raise ValidationError(_("Der kan ikke tilføjes punkter til et møde, der er afholdt."))
        if number is None:
            number = (meeting.items.aggregate(n=Max("number"))["n"] or 0) + 1
        if meeting.items.filter(number=number).exists():
            raise ValidationError(
                {"number": _("Mødet har allerede et punkt %(n)s.") % {"n": number}}
            )
        item = crud.create(
            actor=actor,
            instance=AgendaItem(
                meeting=meeting,
                number=number,
                title=title,
                case_reference=case_reference,
                recommended_by=recommended_by,
                summary=summary,
                case_description=case_description,
            ),
        )
        points = [p.strip() for p in recommendation_points or [] if p.strip()]
        for index, text in enumerate(points, start=1):
            crud.create(
                actor=actor, instance=RecommendationPoint(item=item, number=index, text=text)
            )
    return item


def add_annex(*, actor, item: AgendaItem, title: str, upload) -> Annex:
    """Attach a file under a random name; its own name is kept only as display text."""
    original, extension, content_type = files.checked_upload(upload, files.ANNEX_TYPES)
    annex = Annex(
        item=item,
        title=title.strip() or original,
        original_name=original,
        content_type=content_type,
        size=upload.size,
        number=(item.annexes.aggregate(n=Max("number"))["n"] or 0) + 1,
    )
    annex.file.save(files.stored_name(extension), upload, save=False)
    try:
        crud.create(actor=actor, instance=annex)
    except Exception:
        annex.file.delete(save=False)
        raise
    return annex


def _record_votes(*, actor, item: AgendaItem, votes: dict, amendment=None) -> None:
    for party, position in votes.items():
        crud.create(
            actor=actor,
            instance=Vote(item=item, amendment=amendment, party=party, position=position),
        )


def _require_held(meeting: Meeting) -> None:
    if not meeting.is_held:
        raise ValidationError(
            _(
                "Mødet er ikke afholdt endnu (status: %(state)s). Der kan først træffes "
                "beslutning, når mødet er afholdt."
            )
            % {"state": meeting.get_state_display()}
        )


def record_decision(
    *,
    actor,
    item: AgendaItem,
    outcome: str,
    with_vote: bool = False,
    votes: dict[Body, str] | None = None,
    text: str = "",
) -> AgendaItem:
    """The committee's decision on an item of a held meeting, and the parties' votes."""
    with transaction.atomic():
        item = (
            AgendaItem.objects.select_for_update(of=("self",))
            .select_related("meeting")
            .get(pk=item.pk)
        )
        _require_held(item.meeting)
        if outcome not in AgendaItem.Outcome.values:
            raise ValidationError({"outcome": _("Vælg en beslutning.")})
        if votes and not with_vote:
            raise ValidationError(
                {"votes": _("Stemmer kan kun registreres, når der var afstemning.")}
            )
        if with_vote and not votes:
            raise ValidationError({"votes": _("Angiv, hvordan partierne stemte.")})
        if (
            outcome == AgendaItem.Outcome.ADOPTED_AMENDED
            and not item.amendments.filter(status=Amendment.Status.ADOPTED).exists()
        ):
            raise ValidationError(
                {"outcome": _("Der er ikke vedtaget nogen ændringsforslag til punktet.")}
            )
        if item.amendments.filter(status=Amendment.Status.PROPOSED).exists():
            raise ValidationError(_("Tag stilling til alle ændringsforslag, før punktet afgøres."))
        item.votes.filter(amendment__isnull=True).delete()
        item = crud.update(
            actor=actor,
            instance=item,
            changes={"outcome": outcome, "decided_with_vote": with_vote, "decision_text": text},
        )
        _record_votes(actor=actor, item=item, votes=votes or {})
    return item


# --- Amendments -------------------------------------------------------------------------------


def propose_amendment(
    *,
    actor,
    item: AgendaItem,
    proposed_by: str,
    kind: str,
    text_to: str,
    text_from: str = "",
    party: Body | None = None,
    target_version: TextVersion | None = None,
    target_section: str = "",
) -> Amendment:
    """A party's amendment to a policy text's current version or to the recommendation."""
    with transaction.atomic():
        AgendaItem.objects.select_for_update().get(pk=item.pk)
        if item.outcome:
            raise ValidationError(_("Punktet er allerede afgjort."))
        if target_version is not None:
            _require_current(target_version)
            if kind == Amendment.Kind.REPLACE and text_from.strip() not in target_version.body:
                raise ValidationError(
                    {"text_from": _("Teksten, der skal ændres, findes ikke i den valgte version.")}
                )
        number = (item.amendments.aggregate(n=Max("number"))["n"] or 0) + 1
        return crud.create(
            actor=actor,
            instance=Amendment(
                item=item,
                number=number,
                party=party,
                proposed_by=proposed_by or (party.name if party else ""),
                kind=kind,
                target_version=target_version,
                target_section=target_section,
                text_from=text_from.strip(),
                text_to=text_to.strip(),
            ),
        )


def _require_current(version: TextVersion) -> None:
    current = version.text.versions.order_by("-valid_from", "-number").first()
    if current is not None and current.pk != version.pk:
        raise ValidationError(
            {
                "target_version": _(
                    "Ændringsforslaget gælder version %(old)s af “%(text)s”, men den gældende "
                    "version er nu %(new)s. Fremsæt ændringen til den gældende version."
                )
                % {"old": version.number, "text": version.text, "new": current.number}
            }
        )


def amended_body(amendment: Amendment, current: str) -> str:
    """The text as it reads once the amendment is applied."""
    if amendment.kind == Amendment.Kind.ADD_PARAGRAPH:
        return f"{current.rstrip()}\n\n{amendment.text_to}"
    if amendment.text_from not in current:
        raise ValidationError(
            {"text_from": _("Teksten, der skal ændres, findes ikke i den gældende version.")}
        )
    return current.replace(amendment.text_from, amendment.text_to, 1)


def adopt_amendment(
    *, actor, amendment: Amendment, with_vote: bool = False, votes: dict | None = None
) -> Amendment:
    """Adopt an amendment at a held meeting; one to a policy text makes its next version."""
    with transaction.atomic():
        amendment = (
            Amendment.objects.select_for_update(of=("self",))
            .select_related("item__meeting__body", "target_version__text", "party")
            .get(pk=amendment.pk)
        )
        _decidable(amendment, with_vote=with_vote, votes=votes)
        produced = None
        if amendment.target_version is not None:
            version = amendment.target_version
            _require_current(version)
            meeting = amendment.item.meeting
            how = _("vedtaget med afstemning") if with_vote else _("vedtaget uden afstemning")
            produced = policy_services.add_text_version(
                actor=actor,
                text=version.text,
                body=amended_body(amendment, version.body),
                valid_from=timezone.localtime(meeting.starts_at).date(),
                reason=TextVersion.Reason.AMENDMENT,
                proposed_by=amendment.proposed_by,
                decision_reference=_("%(meeting)s, punkt %(n)s: ændringsforslaget %(how)s")
                % {"meeting": _meeting_reference(meeting), "n": amendment.item.number, "how": how},
            )
        amendment = crud.update(
            actor=actor,
            instance=amendment,
            changes={
                "status": Amendment.Status.ADOPTED,
                "decided_with_vote": with_vote,
                "produced_version": produced,
            },
        )
        _record_votes(actor=actor, item=amendment.item, votes=votes or {}, amendment=amendment)
    return amendment


def reject_amendment(
    *, actor, amendment: Amendment, with_vote: bool = False, votes: dict | None = None
) -> Amendment:
    with transaction.atomic():
        amendment = (
            Amendment.objects.select_for_update(of=("self",))
            .select_related("item__meeting")
            .get(pk=amendment.pk)
        )
        _decidable(amendment, with_vote=with_vote, votes=votes)
        amendment = crud.update(
            actor=actor,
            instance=amendment,
            changes={"status": Amendment.Status.REJECTED, "decided_with_vote": with_vote},
        )
        _record_votes(actor=actor, item=amendment.item, votes=votes or {}, amendment=amendment)
    return amendment


def _decidable(amendment: Amendment, *, with_vote: bool, votes: dict | None) -> None:
    _require_held(amendment.item.meeting)
    if amendment.status != Amendment.Status.PROPOSED:
        raise ValidationError(
            _("Ændringsforslaget er allerede %(status)s.")
            % {"status": amendment.get_status_display().lower()}
        )
    if votes and not with_vote:
        raise ValidationError({"votes": _("Stemmer kan kun registreres, når der var afstemning.")})


def _meeting_reference(meeting: Meeting) -> str:
    return f"{meeting.body.short_name}-møde {timezone.localtime(meeting.starts_at):%d.%m.%Y}"


# --- Hearings ---------------------------------------------------------------------------------


def create_hearing(
    *,
    actor,
    title: str,
    asked_by: Body,
    proposal: str,
    deadline: date,
    bodies: list[Body] | None = None,
    organisations: list[str] | None = None,
    documents_sent: str = "",
    item: AgendaItem | None = None,
    case_number: str = "",
    introduction: str = "",
) -> Hearing:
    with transaction.atomic():
        hearing = crud.create(
            actor=actor,
            instance=Hearing(
                title=title,
                asked_by=asked_by,
                proposal=proposal,
                deadline=deadline,
                documents_sent=documents_sent,
                item=item,
                case_number=case_number,
                introduction=introduction,
            ),
        )
        for body in bodies or []:
            crud.create(actor=actor, instance=HearingParty(hearing=hearing, body=body))
        for name in {n.strip() for n in organisations or [] if n.strip()}:
            crud.create(actor=actor, instance=HearingParty(hearing=hearing, organisation=name))
    return hearing


HEARING_EDITABLE = (
    "title",
    "case_number",
    "proposal",
    "deadline",
    "documents_sent",
    "introduction",
    "changes_summary",
)


def update_hearing(*, actor, hearing: Hearing, changes: dict) -> Hearing:
    """Change a hearing's texts and deadline; late marks follow a moved deadline."""
    unknown = set(changes) - set(HEARING_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        hearing = crud.update(actor=actor, instance=hearing, changes=changes)
        if "deadline" in changes:
            for response in hearing.responses.all():
                late = response.received_on > hearing.deadline
                if late != response.is_late:
                    crud.update(actor=actor, instance=response, changes={"is_late": late})
    return hearing


def transition_hearing(*, actor, hearing: Hearing, to: str, on: date | None = None) -> Hearing:
    """Move a hearing to its next phase; sending it dates it and needs someone to hear."""
    with transaction.atomic():
        hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if to not in hearing.allowed_phases():
            raise ValidationError(
                {
                    "phase": _("En høring kan ikke gå fra “%(old)s” til “%(new)s”.")
                    % {
                        "old": hearing.get_phase_display(),
                        "new": Hearing.Phase(to).label if to in Hearing.Phase.values else to,
                    }
                }
            )
        changes: dict = {"phase": to}
        if to == Hearing.Phase.SENT:
            if not hearing.parties.exists():
                raise ValidationError(
                    {"phase": _("Vælg mindst én høringspart, før høringen sendes.")}
                )
            changes["sent_on"] = hearing.sent_on or on or timezone.localdate()
        if to == Hearing.Phase.NOTE_DONE:
            missing = hearing.responses.filter(summary="").count()
            if missing:
                raise ValidationError(
                    {
                        "phase": _(
                            "%(n)s høringssvar mangler en sammenfatning. Skriv den, før "
                            "høringsnotatet er færdigt."
                        )
                        % {"n": missing}
                    }
                )
        return crud.update(actor=actor, instance=hearing, changes=changes)


def receive_response(
    *,
    actor,
    hearing: Hearing,
    party: HearingParty,
    received_on: date,
    text: str = "",
    upload=None,
    signed_by: str = "",
) -> HearingResponse:
    """A response by web form (text) or upload (PDF, DOCX, text); a late one is kept, marked."""
    if party.hearing_id != hearing.pk:
        raise ValidationError({"party": _("Vælg en høringspart fra denne høring.")})
    if hearing.phase == Hearing.Phase.DRAFT:
        raise ValidationError(_("Høringen er ikke sendt endnu."))
    if upload is None and not text.strip():
        raise ValidationError({"text": _("Skriv svaret, eller upload det som fil.")})
    if upload is not None and text.strip():
        raise ValidationError({"text": _("Skriv svaret eller upload en fil, ikke begge dele.")})
    response = HearingResponse(
        hearing=hearing,
        party=party,
        received_on=received_on,
        is_late=received_on > hearing.deadline,
        signed_by=signed_by,
        received_by=actor if getattr(actor, "pk", None) else None,
    )
    if upload is None:
        response.channel = HearingResponse.Channel.WEB_FORM
        response.extracted_text = text.strip()
    else:
        original, extension, content_type = files.checked_upload(upload, files.RESPONSE_TYPES)
        data = upload.read()
        upload.seek(0)
        response.channel = HearingResponse.Channel.UPLOAD
        response.extracted_text = files.extract_text(data, extension)
        response.original_name = original
        response.content_type = content_type
        response.original_file.save(files.stored_name(extension), ContentFile(data), save=False)
    try:
        with transaction.atomic():
            crud.create(actor=actor, instance=response)
    except Exception:
        if response.original_file:
            response.original_file.delete(save=False)
        raise
    return response


def assess_response(
    *,
    actor,
    response: HearingResponse,
    corrected_text: str | None = None,
    summary: str | None = None,
    administration_comment: str | None = None,
    leads_to_change: bool | None = None,
    change_description: str | None = None,
) -> HearingResponse:
    """Correct a response's text, summarise it and give the administration's comment."""
    changes = {
        name: value
        for name, value in {
            "corrected_text": corrected_text,
            "summary": summary,
            "administration_comment": administration_comment,
            "leads_to_change": leads_to_change,
            "change_description": change_description,
        }.items()
        if value is not None
    }
    if changes.get("corrected_text", "").strip() == response.extracted_text.strip():
        changes["corrected_text"] = ""
    if (
        changes.get("leads_to_change")
        and not (changes.get("change_description", response.change_description) or "").strip()
    ):
        raise ValidationError(
            {"change_description": _("Beskriv den ændring, svaret giver anledning til.")}
        )
    return crud.update(actor=actor, instance=response, changes=changes)


def record_read(*, actor, instance) -> None:
    """Log a read of a record holding personal data."""
    audit.record_access(instance, actor=actor)
