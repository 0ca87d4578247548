"""Advocacy: for one person with a service, help with a complaint, and problems for many
people (systemic) raised to the manager, with the people each one affects."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app import audit, clock
from app.care import sharing
from app.care.episode_rules import episode_for_new_record, log, must_be_editable
from app.core.people import users_by_id
from app.core.saving import Refused
from app.extensions import db
from app.models import AdvocacyIssue, Partner
from app.models.care import (
    ADVOCACY_STATUSES,
    COMPLAINT_BODIES,
    COMPLAINT_STATUSES,
    FINISHED_STATUSES,
)


@dataclass
class IssueData:
    kind: str
    issue: str
    service: str | None = None
    partner_id: int | None = None
    what_happened: str | None = None
    complaint_body: str | None = None
    status: str | None = None
    consent_id: int | None = None  # covers a service typed by hand (issue 17)


def statuses_for(kind: str) -> dict[str, str]:
    return COMPLAINT_STATUSES if kind == "complaint" else ADVOCACY_STATUSES


def status_words(issue: AdvocacyIssue) -> str:
    return statuses_for(issue.kind).get(issue.status, issue.status)


# A partner chosen and another service typed are both kept, joined by these words.
ALSO = " and "
SERVICE_LIMIT = 200  # the service column's length


def _service_name(data: IssueData) -> str | None:
    """The service words to keep: the partner's name, the other service typed, or both (a
    person who chose a partner and typed another service meant both)."""
    typed = " ".join((data.service or "").split()) or None
    partner = db.session.get(Partner, data.partner_id) if data.partner_id else None
    if partner is None:
        return typed
    if typed is None or typed.casefold() == partner.name.casefold():
        return partner.name
    both = f"{partner.name}{ALSO}{typed}"
    if len(both) > SERVICE_LIMIT:
        raise Refused("The two services are too long together. Shorten the other service.")
    return both


def other_service(issue: AdvocacyIssue, partner_name: str | None) -> str:
    """The service typed beside the chosen partner (to start a form with), or ""."""
    service = issue.service or ""
    if not issue.partner_id:
        return service
    prefix = f"{partner_name}{ALSO}" if partner_name else None
    return service[len(prefix) :] if prefix and service.startswith(prefix) else ""


def create_issue(client, data: IssueData, user) -> AdvocacyIssue:
    """Advocacy for one person: with a service, or help with a complaint."""
    episode = episode_for_new_record(client)
    if data.kind not in ("individual", "complaint"):
        raise Refused("Choose the kind of advocacy")
    if not (data.issue or "").strip():
        raise Refused("Write what the issue is")
    if data.kind == "complaint" and data.complaint_body not in COMPLAINT_BODIES:
        raise Refused("Choose who the complaint is to")
    service = _service_name(data)
    consents = _consents_for(client, data) if data.kind == "individual" else []
    statuses = statuses_for(data.kind)
    issue = AdvocacyIssue(
        kind=data.kind,
        client_id=client.id,
        episode_id=episode.id,
        service=service,
        partner_id=data.partner_id,
        issue=data.issue,
        what_happened=data.what_happened,
        complaint_body=data.complaint_body if data.kind == "complaint" else None,
        status=data.status if data.status in statuses else next(iter(statuses)),
        raised_on=clock.today(),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(issue)
    if data.kind == "complaint":
        words = f"Help with a complaint to {COMPLAINT_BODIES[data.complaint_body]}"
    else:
        words = f"Advocacy with {issue.service}" if issue.service else "Advocacy started"
    log(
        client,
        action="advocacy.started",
        record=issue,
        kind="advocacy",
        summary=words,
        detail={"kind": data.kind, **({"consent_ids": consents} if consents else {})},
    )
    return issue


def _consents_for(client, data: IssueData) -> list[int]:
    """Speaking with a named service shares about them: the consent for the chosen partner
    (by id) and the one the worker chose for a service typed by hand (issue 17)."""
    found = []
    partner = db.session.get(Partner, data.partner_id) if data.partner_id else None
    if partner is not None:
        found.append(sharing.consent_to_share(client, partner=partner, who=partner.name).id)
    typed = " ".join((data.service or "").split())
    if typed and (partner is None or typed.casefold() != partner.name.casefold()):
        found.append(sharing.consent_to_share(client, consent_id=data.consent_id, who=typed).id)
    return found


def update_issue(
    issue: AdvocacyIssue, *, status: str, what_happened: str | None, user, client=None
) -> bool:
    if client is not None:
        must_be_editable(issue)
    if status not in statuses_for(issue.kind):
        raise Refused("Choose where it is up to")
    if issue.status == status and (issue.what_happened or None) == (what_happened or None):
        return False
    old = issue.status
    issue.status = status
    issue.what_happened = what_happened
    issue.closed_on = clock.today() if status in FINISHED_STATUSES else None
    detail = {"from": old, "to": status}
    if client is not None:
        log(
            client,
            action="advocacy.updated",
            record=issue,
            kind="advocacy_updated",
            summary=f"Advocacy: {status_words(issue).lower()}",
            detail=detail,
        )
    else:
        audit.record("advocacy.systemic_updated", record=issue, detail=detail)
    return True


def issues_for(client) -> list[AdvocacyIssue]:
    return list(
        db.session.scalars(
            select(AdvocacyIssue)
            .where(AdvocacyIssue.client_id == client.id)
            .order_by(AdvocacyIssue.raised_on.desc(), AdvocacyIssue.id.desc())
        )
    )


def raise_systemic(
    *, issue: str, service: str | None, partner_id: int | None, user, from_issue=None, client=None
) -> AdvocacyIssue:
    """A problem for many people, raised to the manager. From one person's issue, that issue
    is linked to it (so it counts them)."""
    if not (issue or "").strip():
        raise Refused("Write what the problem is")
    if from_issue is not None:
        must_be_editable(from_issue)
    data = IssueData(kind="systemic", issue=issue, service=service, partner_id=partner_id)
    systemic = AdvocacyIssue(
        kind="systemic",
        client_id=None,
        service=_service_name(data),
        partner_id=partner_id,
        issue=issue,
        status="open",
        raised_on=clock.today(),
        created_by_id=getattr(user, "id", None),
    )
    db.session.add(systemic)
    db.session.flush()
    audit.record(
        "advocacy.systemic_raised",
        record=systemic,
        detail={"from": getattr(from_issue, "id", None)},
    )
    if from_issue is not None and client is not None:
        link_to_systemic(from_issue, systemic, client=client)
    return systemic


def link_to_systemic(issue: AdvocacyIssue, systemic: AdvocacyIssue | None, *, client) -> None:
    must_be_editable(issue)
    if systemic is not None and systemic.kind != "systemic":
        raise Refused("Choose a problem for many people")
    if issue.systemic_id == getattr(systemic, "id", None):
        return
    issue.systemic_id = systemic.id if systemic is not None else None
    summary = (
        "Linked to a problem for many people"
        if systemic
        else "No longer linked to a problem for many people"
    )
    log(
        client,
        action="advocacy.linked",
        record=issue,
        kind="advocacy_linked",
        summary=summary,
        detail={"systemic_id": issue.systemic_id},
    )


def systemic_issues(*, open_only: bool = False) -> list[tuple[AdvocacyIssue, int]]:
    """Every systemic issue with how many people it affects (people with a linked issue),
    newest first, in one query."""
    linked = AdvocacyIssue.__table__.alias("linked")
    people = func.count(func.distinct(linked.c.client_id))
    query = (
        select(AdvocacyIssue, people)
        .outerjoin(linked, linked.c.systemic_id == AdvocacyIssue.id)
        .where(AdvocacyIssue.kind == "systemic")
        .group_by(AdvocacyIssue.id)
        .order_by(AdvocacyIssue.raised_on.desc(), AdvocacyIssue.id.desc())
    )
    if open_only:
        query = query.where(AdvocacyIssue.status.not_in(FINISHED_STATUSES))
    return [(issue, int(count)) for issue, count in db.session.execute(query)]


def people_affected(systemic: AdvocacyIssue) -> int:
    return (
        db.session.scalar(
            select(func.count(func.distinct(AdvocacyIssue.client_id))).where(
                AdvocacyIssue.systemic_id == systemic.id
            )
        )
        or 0
    )


def short_issue(text: str | None, limit: int = 70) -> str:
    words = " ".join((text or "").split())
    return words if len(words) <= limit else words[: limit - 3].rstrip() + "..."


def issue_of(issue_id: int | None) -> AdvocacyIssue | None:
    """An advocacy issue by id, or None."""
    return db.session.get(AdvocacyIssue, issue_id) if issue_id else None


def home_panel(limit: int = 6) -> dict | None:
    """The manager's and seniors' home page panel: the open problems for many people, newest
    first, with who raised each and how many people it affects."""
    found = systemic_issues(open_only=True)
    if not found:
        return None
    shown = found[:limit]
    raisers = users_by_id(s.created_by_id for s, _ in shown)
    rows = [
        {
            "issue": s,
            "people": people,
            "raised_by": getattr(raisers.get(s.created_by_id), "display_name", None),
        }
        for s, people in shown
    ]
    return {"rows": rows, "count": len(found)}


def systemic_of(issue: AdvocacyIssue) -> AdvocacyIssue | None:
    """The problem for many people this issue is linked to, or None."""
    return issue_of(issue.systemic_id)
