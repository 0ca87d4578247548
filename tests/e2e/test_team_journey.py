"""A senior's week: runs the case meeting, moves a person to a new worker, checks a file and
sends feedback, prints the weekly report, and downloads the national data file after fixing
the one episode the check flagged. Zero axe violations on every page."""

import csv
import io
import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app import clock
from app.models import AuditEvent, AuditFeedback, ConsultationDecision, Reallocation, Setting
from app.standards import export, financial_years
from tests.e2e.conftest import assert_accessible, assert_targets_at_least, sign_in
from tests.factories import make_user
from tests.factories.care import make_note, make_plan
from tests.factories.clients import make_assessment, make_client, make_episode

COMPLETE = dict(
    family_name="Orchard",
    born_on=clock.today().replace(year=1988, day=12),
    gender="female",
    country_of_birth="Australia",
    preferred_language="English",
    indigenous="neither",
    referral_source="self",
    client_type="own",
    main_drug="heroin",
    method="injects",
    last_injected="0_3_months",
)


def heading(page: Page, text) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


@pytest.fixture
def week(db_session):
    today = clock.today()
    alex = make_user(db_session, "worker", display_name="Alex Murray")
    make_user(db_session, "worker", display_name="Priya Sharma", shared_experience=["housing"])
    senior = make_user(db_session, "senior", display_name="Rosa Tuilagi")

    # Jaz: no contact for seven weeks (the case meeting), then a file check.
    jaz = make_client(db_session, alex, nickname="Jaz", given_name="Jasmine", **COMPLETE)
    make_assessment(db_session, jaz, support_level="ongoing")
    episode = make_episode(db_session, jaz, opened_on=today - timedelta(days=80))
    make_plan(db_session, jaz, episode, by=alex, review_on=today + timedelta(days=30))
    make_note(db_session, jaz, by=alex, contact_at=clock.now() - timedelta(days=49))
    # Kai: wants a worker with lived experience of housing.
    kai = make_client(db_session, alex, nickname="Kai", given_name="Kai", **COMPLETE)
    make_assessment(db_session, kai, support_level="intensive", needs=["housing"])

    # Two episodes closed in the last full financial year; Bob's file lacks one answer.
    start, _end = financial_years.financial_year(financial_years.last_full_year(today))
    closed = dict(
        opened_on=start + timedelta(days=10),
        closed_on=start + timedelta(days=100),
        reason_for_cessation=1,
        principal_drug="1202",
        method_of_use=3,
        injecting_status=1,
    )
    tam = make_client(db_session, alex, nickname="Tam", given_name="Tamsin", **COMPLETE)
    make_episode(db_session, tam, **closed)
    bob = make_client(
        db_session, alex, nickname="Bob", given_name="Robert", **{**COMPLETE, "indigenous": None}
    )
    make_episode(db_session, bob, **closed)
    # The manager has set the establishment number (the export refuses the placeholder).
    db_session.add(Setting(name="establishment_id", value="810100001", changed_at=clock.now()))
    db_session.commit()
    return senior, jaz, kai, bob


def last_full_year(page: Page) -> None:
    """The national data page opens on this financial year; the episodes are in the last."""
    year = financial_years.last_full_year(clock.today())
    page.get_by_label("Financial year").select_option(str(year))
    page.get_by_role("button", name="Show").click()
    heading(page, f"National data for {financial_years.financial_year_words(year)}")


def test_a_seniors_week(page: Page, week, db_session, fetch, live_server):
    senior, jaz, kai, bob = week
    sign_in(page, senior)

    # Caseloads, from the Team tile.
    page.get_by_role("link", name=re.compile("^Team")).click()
    heading(page, "Caseloads")
    expect(page.get_by_role("row", name=re.compile("^Alex Murray 4"))).to_be_visible()
    assert_accessible(page)
    assert_targets_at_least(page)

    # The case meeting: Jaz has had no contact for seven weeks.
    page.get_by_role("link", name="Case meeting").click()
    heading(page, "Weekly case meeting")
    assert_accessible(page)
    page.get_by_role("link", name="Alex Murray").click()
    heading(page, "Talk about the people Alex Murray supports")
    expect(page.get_by_text("No contact for six weeks.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record what you decided for Jaz").click()
    heading(page, "Case meeting: Jaz")
    assert_accessible(page)
    page.get_by_label("Try again to reach them").check()
    page.get_by_label("What happens next, and who does it").fill("Alex rings her sister Friday.")
    page.get_by_role("button", name="Save the decision").click()
    heading(page, "Talk about the people Alex Murray supports")
    expect(page.get_by_text("Decision saved on the timeline of Jaz.")).to_be_visible()
    expect(page.get_by_text("Decided", exact=True)).to_be_visible()
    decision = fetch(select(ConsultationDecision))[0]
    assert decision.client_id == jaz.id and decision.outcome == "reach_out"

    # Move Kai to Priya, with Kai's agreement and a handover note.
    page.get_by_role("link", name="Back to the case meeting").click()
    heading(page, "Weekly case meeting")
    page.get_by_role("link", name="Caseloads").click()
    heading(page, "Caseloads")
    page.get_by_role("link", name="Alex Murray").click()
    heading(page, "People Alex Murray supports")
    assert_accessible(page)
    page.get_by_role("link", name="Move to a new worker for Kai").click()
    heading(page, "Move Kai to a new worker")
    assert_accessible(page)
    page.get_by_label("Priya Sharma: 0 people now").check()
    page.get_by_label("Why they are moving to a new worker").fill(
        "Kai wants a worker who has been through public housing."
    )
    page.get_by_label("They were asked, and they agree").check()
    page.get_by_label("Handover note for the new worker").fill(
        "Prefers texts. Has a housing interview next week."
    )
    today = clock.today()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Move to the new worker").click()
    heading(page, "Kai moves to Priya Sharma")
    expect(page.get_by_text("Has a housing interview next week.")).to_be_visible()
    assert_accessible(page)
    assert fetch(select(Reallocation))[0].person_view == "agrees"

    # Check Jaz's file and send feedback.
    page.goto("/team/caseloads")
    heading(page, "Caseloads")
    expect(page.get_by_role("link", name="Kai: Alex Murray to Priya Sharma")).to_be_visible()
    page.get_by_role("link", name="Alex Murray", exact=True).click()
    heading(page, "People Alex Murray supports")
    page.get_by_role("button", name="Check this file for Jaz").click()
    heading(page, "Check the file of Jaz")
    assert_accessible(page)
    for key in ("notes_complete", "notes_accurate"):
        page.locator(f"#{key}-0").check()  # yes
    page.locator("#notes_objective-1").check()  # no
    page.get_by_label("Feedback for the worker").fill(
        "One note says she was difficult. Write what happened instead."
    )
    page.get_by_role("button", name="Finish and send feedback").click()
    heading(page, "File check of Jaz")
    expect(page.get_by_text(re.compile(r"File check finished: \d+ of \d+"))).to_be_visible()
    assert_accessible(page)
    assert fetch(select(AuditFeedback))[0].text.startswith("One note says")

    # The weekly report, ready to print.
    page.goto("/reports/")
    heading(page, "Reports")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Weekly report")).click()
    heading(page, re.compile("^Weekly report, "))
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    expect(page.get_by_text("Contacts, by kind")).to_be_visible()
    assert_accessible(page)

    # The national data: fix the one flagged episode, then download.
    page.goto("/reports/")
    page.get_by_role("link", name=re.compile("^National data")).click()
    heading(page, re.compile("^National data for "))
    last_full_year(page)
    expect(page.get_by_text("Episodes to fix (1)")).to_be_visible()
    expect(
        page.get_by_text("Aboriginal or Torres Strait Islander status is missing.")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Change background for Bob").click()
    heading(page, "Background and home: Bob")
    page.get_by_label("Neither Aboriginal nor Torres Strait Islander").check()
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Details saved.")).to_be_visible()
    page.goto("/reports/")
    page.get_by_role("link", name=re.compile("^National data")).click()
    heading(page, re.compile("^National data for "))
    last_full_year(page)
    expect(page.get_by_text("Nothing to fix.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    rows = list(csv.reader(io.StringIO(open(download.value.path()).read())))
    assert rows[0] == list(export.HEADINGS) and len(rows) == 3
    assert all(row[export.COLUMN_KEYS.index("indigenous")] == "4" for row in rows[1:])
    assert "Robert" not in str(rows) and "Orchard" not in str(rows)
    assert fetch(select(AuditEvent).where(AuditEvent.action == "report.nmds_exported"))
