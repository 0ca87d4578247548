"""The AODTS-NMDS export for a financial year: gather the facts of every closed episode,
turn each into the national row (app.standards.export), and say what needs fixing.

One query reads every episode closed in the year with its person; the rows are built by
pure functions. The file holds codes only: no names, no addresses, no free text.
"""

from __future__ import annotations

import csv
import io
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from flask import current_app
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select

from app.extensions import db
from app.models import Client, Episode, Setting
from app.standards import export, financial_years

# The establishment identifier: what the manager set on the settings page (a `setting` row)
# wins; else the deployment's PEERDESK_ESTABLISHMENT_ID (app config or environment); else a
# placeholder in the national shape, which the check flags and the download refuses.
DEFAULT_ESTABLISHMENT = "800000000"
ESTABLISHMENT_SETTING = "establishment_id"
PLACEHOLDER_WORDS = "The establishment number is the placeholder one"
WHERE_TO_SET = "A manager sets it in Settings (on the home page: Settings)."
BATCH = 500


def saved_establishment() -> Setting | None:
    """The row the manager saved on the settings page, or None."""
    return db.session.scalar(select(Setting).where(Setting.name == ESTABLISHMENT_SETTING))


def deployment_establishment() -> str | None:
    """The deployment's default, from the app config or the environment."""
    value = current_app.config.get("PEERDESK_ESTABLISHMENT_ID") or os.environ.get(
        "PEERDESK_ESTABLISHMENT_ID"
    )
    return str(value).strip() if value else None


def establishment_id() -> str:
    row = saved_establishment()
    if row is not None and row.value:
        return row.value
    return deployment_establishment() or DEFAULT_ESTABLISHMENT


def establishment_problem(value: str) -> str | None:
    """Plain words when the number cannot go in the file: missing, wrong shape, placeholder."""
    problem = export.establishment_problem(value)
    if problem is None and value == DEFAULT_ESTABLISHMENT:
        return PLACEHOLDER_WORDS
    return problem


def facts_of(client: Client, episode: Episode | None) -> export.EpisodeFacts:
    """The plain facts the national row needs, from a file and one of its episodes."""
    person = dict(
        given_name=client.given_name,
        family_name=client.family_name,
        born_on=client.born_on,
        birth_year_estimate=client.birth_year_estimate,
        gender=client.gender,
        country_of_birth=client.country_of_birth,
        preferred_language=client.preferred_language,
        indigenous=client.indigenous,
        referral_source=client.referral_source,
        main_drug=client.main_drug,
        method=client.method,
        last_injected=client.last_injected,
        other_drugs=tuple(client.other_drugs or ()),
        not_said=frozenset(client.not_said or ()),
        client_id=client.id,
    )
    if episode is None:
        return export.EpisodeFacts(**person)
    return export.EpisodeFacts(
        **person,
        opened_on=episode.opened_on,
        closed_on=episode.closed_on,
        reason_for_cessation=episode.reason_for_cessation,
        source_of_referral=episode.source_of_referral,
        client_type=episode.client_type,
        main_treatment_type=episode.main_treatment_type,
        delivery_setting=episode.delivery_setting,
        principal_drug=episode.principal_drug,
        episode_other_drugs=tuple(episode.other_drugs or ()),
        method_of_use=episode.method_of_use,
        injecting_status=episode.injecting_status,
        episode_id=episode.id,
    )


@dataclass
class Flagged:
    """An episode the check lists, with what to fix."""

    client: Client
    episode: Episode
    problems: list[export.Problem]


@dataclass
class YearExport:
    start_year: int
    establishment: str
    rows: list[export.Row] = field(default_factory=list)
    flagged: list[Flagged] = field(default_factory=list)
    left_out: list[tuple[Episode, str]] = field(default_factory=list)
    not_stated: Counter = field(default_factory=Counter)

    @property
    def words(self) -> str:
        return financial_years.financial_year_words(self.start_year)

    @property
    def first_day(self) -> date:
        return financial_years.financial_year(self.start_year)[0]

    @property
    def last_day(self) -> date:
        return financial_years.financial_year(self.start_year)[1]

    @property
    def not_stated_total(self) -> int:
        return sum(self.not_stated.values())

    @property
    def establishment_problem(self) -> str | None:
        return establishment_problem(self.establishment)


def closed_in_year(start_year: int) -> Iterator[tuple[Episode, Client]]:
    """Every episode closed in the financial year, with its person, oldest first."""
    first, last = financial_years.financial_year(start_year)
    query = (
        select(Episode, Client)
        .join(Client, Client.id == Episode.client_id)
        .where(Episode.closed_on >= first, Episode.closed_on <= last)
        .order_by(Episode.closed_on, Episode.id)
    )
    yield from db.session.execute(query.execution_options(yield_per=BATCH))


def count_closed(start_year: int) -> int:
    from sqlalchemy import func

    first, last = financial_years.financial_year(start_year)
    return db.session.scalar(
        select(func.count())
        .select_from(Episode)
        .where(Episode.closed_on >= first, Episode.closed_on <= last)
    )


def build_year(start_year: int, progress: Callable[[int, int], None] | None = None) -> YearExport:
    """The rows of the year, what the check flags, and how many items go as not stated."""
    result = YearExport(start_year=start_year, establishment=establishment_id())
    total = count_closed(start_year) if progress else 0
    for done, (episode, client) in enumerate(closed_in_year(start_year), start=1):
        facts = facts_of(client, episode)
        reason = export.out_of_scope(facts)
        if reason:
            result.left_out.append((episode, reason))
        else:
            row = export.build_row(facts, result.establishment)
            result.rows.append(row)
            result.not_stated.update(row.not_stated)
            if row.problems:
                result.flagged.append(Flagged(client, episode, row.problems))
        if progress:
            progress(done, total)
    return result


def years_to_offer(today: date) -> list[int]:
    """The financial years to choose from: this one, and the five before it."""
    current = financial_years.financial_year_of(today)
    return list(range(current, current - 6, -1))


# --- files -------------------------------------------------------------------------------------


def as_csv(year: YearExport) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(export.HEADINGS)
    for row in year.rows:
        writer.writerow(row.cells)
    return out.getvalue()


def as_xlsx(year: YearExport) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = f"Episodes {year.words}"
    sheet.append(list(export.HEADINGS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in year.rows:
        # Codes are text: keep leading zeros (0001, 05031980).
        sheet.append(row.cells)
    for column in sheet.columns:
        for cell in column:
            cell.number_format = "@"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_name(year: YearExport, kind: str) -> str:
    return f"aodts-nmds-episodes-{year.words}.{kind}"
