"""The weekly report for the staff meeting: one page for a chosen week (Monday to Sunday).

Each part is one grouped query. A worker's report counts only their own work (what they
wrote, gave, made, picked up or closed); the team report counts everyone's, and adds the
front desk's totals.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date, timedelta

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import func, select

from app import clock
from app.extensions import db
from app.frontdesk import public as frontdesk
from app.models import (
    AdvocacyIssue,
    AidGiven,
    CaseNote,
    Client,
    Episode,
    Goal,
    Handover,
    Partner,
    Plan,
    Referral,
    TallyEvent,
    TallyItem,
    User,
)
from app.models.care import ADVOCACY_KINDS, AID_KINDS, NOTE_KINDS
from app.needs import URGENCY
from app.standards import codes

ADVOCACY_SHORT = {"individual": "For one person", "systemic": "Systemic", "complaint": "Complaints"}


def week_of(day: date) -> tuple[date, date]:
    """Monday and Sunday of the week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


@dataclass
class Section:
    key: str
    title: str
    rows: list[tuple[str, int]] = field(default_factory=list)
    chart: bool = True  # a bar chart where people would rather look than read
    totalled: bool = False  # the rows are parts of one whole, so a total means something

    @property
    def total(self) -> int:
        return sum(n for _, n in self.rows)


@dataclass
class WeeklyReport:
    start: date
    end: date
    worker: User | None  # None: the whole team
    sections: list[Section] = field(default_factory=list)

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)

    def lines(self) -> list[tuple[str, str, int]]:
        """(section, what, number) for the downloads."""
        return [(s.title, label, n) for s in self.sections for label, n in s.rows]


def _by(query, column, worker):
    return query.where(column == worker.id) if worker is not None else query


def _front_desk(start: date, end: date) -> Section:
    group_order = list(frontdesk.GROUPS)
    rows = db.session.execute(
        select(TallyItem.label, TallyItem.group, TallyItem.position, func.sum(TallyEvent.delta))
        .join(TallyEvent, TallyEvent.item_id == TallyItem.id)
        .where(TallyEvent.day >= start, TallyEvent.day <= end)
        .group_by(TallyItem.id, TallyItem.label, TallyItem.group, TallyItem.position)
    ).all()
    rows.sort(key=lambda r: (group_order.index(r[1]) if r[1] in group_order else 99, r[2], r[0]))
    return Section("front_desk", "Front desk totals", [(r[0], int(r[3] or 0)) for r in rows])


def _handovers(start: date, end: date, worker) -> Section:
    if worker is None:
        made = dict(
            db.session.execute(
                select(Handover.urgency, func.count())
                .where(Handover.day >= start, Handover.day <= end)
                .group_by(Handover.urgency)
            ).all()
        )
        rows = [(f"Made: {URGENCY[k].lower()}", made.get(k, 0)) for k in URGENCY]
    else:
        rows = []
    picked = db.session.scalar(
        _by(
            select(func.count())
            .select_from(Handover)
            .where(
                Handover.picked_up_at >= clock.start_of(start),
                Handover.picked_up_at < clock.start_of(end + timedelta(days=1)),
            ),
            Handover.picked_up_by_id,
            worker,
        )
    )
    rows.append(("Picked up by a worker", picked or 0))
    if worker is None:
        waiting = db.session.scalar(
            select(func.count())
            .select_from(Handover)
            .where(Handover.day >= start, Handover.day <= end, Handover.status == "waiting")
        )
        rows.append(("Still waiting", waiting or 0))
    return Section("handovers", "Handovers to a worker", rows)


def _new_files(start: date, end: date, worker) -> Section:
    count = db.session.scalar(
        _by(
            select(func.count())
            .select_from(Client)
            .where(
                Client.merged_into_id.is_(None),  # a file merged into another is not a new one
                Client.created_at >= clock.start_of(start),
                Client.created_at < clock.start_of(end + timedelta(days=1)),
            ),
            Client.created_by_id,
            worker,
        )
    )
    return Section("new_files", "New files", [("Files started", count or 0)], chart=False)


def _contacts(start: date, end: date, worker) -> Section:
    found = dict(
        db.session.execute(
            _by(
                select(CaseNote.kind, func.count()).where(
                    CaseNote.superseded.is_(False),
                    CaseNote.contact_at >= clock.start_of(start),
                    CaseNote.contact_at < clock.start_of(end + timedelta(days=1)),
                ),
                CaseNote.created_by_id,
                worker,
            ).group_by(CaseNote.kind)
        ).all()
    )
    rows = [(words, found.pop(kind, 0)) for kind, words in NOTE_KINDS.items()]
    rows = [r for r in rows if r[1]] + [(kind, n) for kind, n in found.items()]
    return Section("contacts", "Contacts, by kind", rows, totalled=True)


def _plans(start: date, end: date, worker) -> Section:
    made = db.session.scalar(
        _by(
            select(func.count())
            .select_from(Plan)
            .where(Plan.agreed_on >= start, Plan.agreed_on <= end),
            Plan.created_by_id,
            worker,
        )
    )
    done = db.session.scalar(
        _by(
            select(func.count())
            .select_from(Goal)
            .join(Plan, Plan.id == Goal.plan_id)
            .where(Goal.status == "done", Goal.status_on >= start, Goal.status_on <= end),
            Plan.created_by_id,
            worker,
        )
    )
    return Section(
        "plans", "Plans and goals", [("Plans made", made or 0), ("Goals done", done or 0)]
    )


def _referrals(start: date, end: date, worker) -> Section:
    # A service not in the directory is named as typed (care's referral_service_name).
    service = func.coalesce(Partner.name, Referral.service_name)
    rows = db.session.execute(
        _by(
            select(service, func.count())
            .select_from(Referral)
            .outerjoin(Partner, Partner.id == Referral.partner_id)
            .where(Referral.referred_on >= start, Referral.referred_on <= end),
            Referral.created_by_id,
            worker,
        )
        .group_by(service)
        .order_by(func.count().desc(), service)
    ).all()
    return Section(
        "referrals", "Referrals, by service", [(name, n) for name, n in rows], totalled=True
    )


def _aid(start: date, end: date, worker) -> Section:
    found = dict(
        db.session.execute(
            _by(
                select(AidGiven.kind, func.sum(AidGiven.quantity)).where(
                    AidGiven.given_on >= start, AidGiven.given_on <= end
                ),
                AidGiven.created_by_id,
                worker,
            ).group_by(AidGiven.kind)
        ).all()
    )
    rows = [
        (words, int(found.pop(kind) or 0)) for kind, words in AID_KINDS.items() if kind in found
    ]
    rows += [(kind, int(n or 0)) for kind, n in found.items()]
    return Section("aid", "Material aid given", rows, totalled=True)


def _advocacy(start: date, end: date, worker) -> Section:
    raised = dict(
        db.session.execute(
            _by(
                select(AdvocacyIssue.kind, func.count()).where(
                    AdvocacyIssue.raised_on >= start, AdvocacyIssue.raised_on <= end
                ),
                AdvocacyIssue.created_by_id,
                worker,
            ).group_by(AdvocacyIssue.kind)
        ).all()
    )
    closed = db.session.scalar(
        _by(
            select(func.count())
            .select_from(AdvocacyIssue)
            .where(AdvocacyIssue.closed_on >= start, AdvocacyIssue.closed_on <= end),
            AdvocacyIssue.created_by_id,
            worker,
        )
    )
    rows = [(f"Raised: {ADVOCACY_SHORT[k].lower()}", raised.get(k, 0)) for k in ADVOCACY_KINDS]
    rows.append(("Closed", closed or 0))
    return Section("advocacy", "Advocacy", rows)


def _episodes(start: date, end: date, worker) -> Section:
    found = db.session.execute(
        _by(
            select(Episode.reason_for_cessation, func.count()).where(
                Episode.closed_on >= start, Episode.closed_on <= end
            ),
            Episode.closed_by_id,
            worker,
        )
        .group_by(Episode.reason_for_cessation)
        .order_by(Episode.reason_for_cessation)
    ).all()
    rows = [(codes.REASON_FOR_CESSATION_WORDS.get(reason, "Not known"), n) for reason, n in found]
    return Section("episodes", "Episodes closed, by reason", rows, totalled=True)


def weekly_report(day: date, worker: User | None = None) -> WeeklyReport:
    """The report for the week holding `day`; `worker` for one person's own work."""
    start, end = week_of(day)
    report = WeeklyReport(start=start, end=end, worker=worker)
    if worker is None:
        report.sections.append(_front_desk(start, end))
    report.sections += [
        _handovers(start, end, worker),
        _new_files(start, end, worker),
        _contacts(start, end, worker),
        _plans(start, end, worker),
        _referrals(start, end, worker),
        _aid(start, end, worker),
        _advocacy(start, end, worker),
        _episodes(start, end, worker),
    ]
    return report


# --- downloads ---------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """A spreadsheet must never read a label as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def title_of(report: WeeklyReport, organisation: str) -> str:
    who = report.worker.display_name if report.worker else "the whole team"
    return (
        f"{organisation}: weekly report for {who}, "
        f"{report.start:%-d %B %Y} to {report.end:%-d %B %Y}"
    )


def as_csv(report: WeeklyReport, organisation: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([_cell(title_of(report, organisation))])
    writer.writerow(["Part", "What", "Number"])
    for section, label, number in report.lines():
        writer.writerow([_cell(section), _cell(label), number])
    return out.getvalue()


def as_xlsx(report: WeeklyReport, organisation: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Weekly report"
    sheet.append([_cell(title_of(report, organisation))])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(["Part", "What", "Number"])
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    for section in report.sections:
        for label, number in section.rows:
            sheet.append([_cell(section.title), _cell(label), number])
        if section.totalled:
            sheet.append([_cell(section.title), "Total", section.total])
            sheet.cell(row=sheet.max_row, column=2).font = Font(bold=True)
            sheet.cell(row=sheet.max_row, column=3).font = Font(bold=True)
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 40
    sheet.column_dimensions["C"].width = 10
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(report: WeeklyReport, kind: str) -> str:
    who = f"-{report.worker.username}" if report.worker else ""
    return f"weekly-report{who}-{report.start.isoformat()}.{kind}"
