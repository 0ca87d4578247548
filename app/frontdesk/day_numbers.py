"""Numbers for the organisation: the day summary and the drop-in datasheet (CSV and Excel)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, time, timedelta

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import func, select

from app import clock
from app.extensions import db
from app.frontdesk.lists import GROUPS
from app.frontdesk.tally import grouped, list_items, totals_for_day
from app.models import TallyEvent, TallyItem

LONGEST_RANGE = 366
OPEN_HOURS = range(8, 18)  # the hours always shown on the chart, 8am to 5pm


def hour_label(hour: int) -> str:
    return clock.clock_time(time(hour))


def visitors_item() -> TallyItem | None:
    """The item counted for "visitors by hour": the one keyed "visitors", else the first person."""
    item = db.session.scalar(select(TallyItem).where(TallyItem.key == "visitors"))
    if item is not None:
        return item
    people = [i for i in list_items() if i.group == "people"]
    return people[0] if people else None


def by_hour(item: TallyItem, day: date) -> list[tuple[str, int]]:
    """(hour, count) for the day; an undone tap counts in the hour of the tap it undid."""
    events = db.session.scalars(
        select(TallyEvent).where(TallyEvent.item_id == item.id, TallyEvent.day == day)
    ).all()
    when = {e.id: e.created_at for e in events}
    counts: dict[int, int] = {}
    for event in events:
        moment = (
            when.get(event.undoes_id, event.created_at) if event.undoes_id else event.created_at
        )
        hour = moment.astimezone(clock.CANBERRA).hour
        counts[hour] = counts.get(hour, 0) + event.delta
    hours = sorted(set(OPEN_HOURS) | {h for h, n in counts.items() if n})
    return [(hour_label(h), max(0, counts.get(h, 0))) for h in hours]


@dataclass
class DaySummary:
    day: date
    groups: list[tuple[str, str, list[tuple[TallyItem, int]]]]
    visitors: TallyItem | None
    hours: list[tuple[str, int]]

    @property
    def total_taps(self) -> int:
        return sum(n for _, _, rows in self.groups for _, n in rows)


def day_summary(day: date) -> DaySummary:
    totals = totals_for_day(day)
    items = [i for i in list_items(include_retired=True) if i.active or totals.get(i.id)]
    groups = [
        (key, heading, [(i, totals.get(i.id, 0)) for i in members])
        for key, heading, members in grouped(items)
    ]
    visitors = visitors_item()
    hours = by_hour(visitors, day) if visitors else []
    return DaySummary(day=day, groups=groups, visitors=visitors, hours=hours)


@dataclass
class Datasheet:
    start: date
    end: date
    items: list[TallyItem]
    rows: list[tuple[date, list[int]]]  # one row per day, a number per item
    totals: list[int]

    @property
    def grand_total(self) -> int:
        return sum(self.totals)

    def by_item(self) -> list[tuple[TallyItem, int, list[tuple[str, int]]]]:
        """(item, total, [(day label, count)]) for a chart per item."""
        return [
            (item, self.totals[n], [(f"{d.day} {d:%b}", counts[n]) for d, counts in self.rows])
            for n, item in enumerate(self.items)
        ]


def datasheet(start: date, end: date) -> Datasheet:
    """Days down, items across: every day in the range, every item counted or still in use."""
    sums = db.session.execute(
        select(TallyEvent.day, TallyEvent.item_id, func.sum(TallyEvent.delta))
        .where(TallyEvent.day >= start, TallyEvent.day <= end)
        .group_by(TallyEvent.day, TallyEvent.item_id)
    ).all()
    counted = {(d, item_id): int(total or 0) for d, item_id, total in sums}
    used = {item_id for (_, item_id), total in counted.items() if total}
    items = [i for i in list_items(include_retired=True) if i.active or i.id in used]
    order = {key: n for n, key in enumerate(GROUPS)}
    items.sort(key=lambda i: (order.get(i.group, len(order)), i.position, i.id))
    rows = []
    day = start
    while day <= end:
        rows.append((day, [counted.get((day, i.id), 0) for i in items]))
        day += timedelta(days=1)
    totals = [sum(r[1][n] for r in rows) for n in range(len(items))]
    return Datasheet(start=start, end=end, items=items, rows=rows, totals=totals)


def this_month() -> tuple[date, date]:
    today = clock.today()
    return today.replace(day=1), today


def _cell(text: str) -> str:
    """Text for a spreadsheet cell that a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def datasheet_csv(sheet: Datasheet) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Date", "Day", *(_cell(i.label) for i in sheet.items), "All"])
    for day, counts in sheet.rows:
        writer.writerow([day.isoformat(), f"{day:%A}", *counts, sum(counts)])
    writer.writerow(["Total", "", *sheet.totals, sheet.grand_total])
    return out.getvalue()


def datasheet_xlsx(sheet: Datasheet, organisation: str) -> bytes:
    book = Workbook()
    page = book.active
    page.title = "Drop-in datasheet"
    bold = Font(bold=True)
    page.append(
        [f"{organisation}: drop-in datasheet, {sheet.start:%-d %B %Y} to {sheet.end:%-d %B %Y}"]
    )
    page["A1"].font = Font(bold=True, size=14)
    page.append([])
    header = ["Date", "Day", *(_cell(i.label) for i in sheet.items), "All"]
    page.append(header)
    for cell in page[3]:
        cell.font = bold
    for day, counts in sheet.rows:
        page.append([day, f"{day:%A}", *counts, sum(counts)])
        page.cell(row=page.max_row, column=1).number_format = "d mmm yyyy"
    page.append(["Total", "", *sheet.totals, sheet.grand_total])
    for cell in page[page.max_row]:
        cell.font = bold
    page.freeze_panes = "C4"
    page.column_dimensions["A"].width = 14
    page.column_dimensions["B"].width = 12
    for n, item in enumerate(sheet.items, start=3):
        page.column_dimensions[get_column_letter(n)].width = max(10, min(24, len(item.label) + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
