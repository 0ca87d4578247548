"""What other areas may use from care work: its rules and queries for others. Other areas
import only this module, as a module: `from app.care import public as care`.

Everything else under app/care is private to the area.
"""

from __future__ import annotations

from app.care import advocacy as _advocacy
from app.care import aid as _aid
from app.care import appointments as _appointments
from app.care import caseload as _caseload
from app.care import episode_rules as _episode_rules
from app.care import notes as _notes
from app.care import partner_services as _partner_services
from app.care import plans as _plans
from app.care import times as _times

# --- plans (team: file checks and caseloads; clients: the cover view; reports) -------------
REVIEW_DUE_SOON_DAYS = _plans.REVIEW_DUE_SOON_DAYS  # a plan review this close is "due soon"
PRIORITIES = _plans.PRIORITIES  # a goal's "how soon" in words, by number
STEP_TOO_EARLY = _plans.STEP_TOO_EARLY  # a step due before the plan began
review_date = _plans.review_date  # the newest plan's review date of an episode (the one way)
review_dates = _plans.review_dates  # the same for many episodes: {episode id: date}
newest_plan = _plans.newest_plan  # a condition on Plan, for a query over many plans
current_plan = _plans.current_plan  # the plan of the open episode, or the newest plan
active_goals = _plans.active_goals  # the goals a plan is working on
snapshot = _plans.snapshot  # a plan as it is now, for its version history (demo rows)

# --- case notes (team: caseloads and consultations; reports; clients: the cover view) ------
NOTE_LIMIT = _notes.NOTE_LIMIT  # characters a case note may hold
is_late = _notes.is_late  # a note written more than 48 hours after the contact
late_notes_count = _notes.late_notes_count  # late notes of a worker or everyone
notes_count = _notes.notes_count  # notes of a worker or everyone, counted the same way
late_notes_by_worker = _notes.late_notes_by_worker  # {worker id: (late, all)}
notes_query = _notes.notes_query  # the current notes of a person, newest first

# --- appointments (clients: the cover view) -------------------------------------------------
appointments_for = _appointments.for_client  # (coming up, earlier) of a person

# --- the caseload (team, home) --------------------------------------------------------------
CaseloadRow = _caseload.CaseloadRow  # one person on a caseload
caseload = _caseload.caseload  # a worker's people with contacts, review and flags
people_to_close = _caseload.people_to_close  # no contact for three months, none planned
plan_reviews_due = _caseload.plan_reviews_due  # plans due for review soon, soonest first
summary_for = _caseload.summary_for  # a file header's plan review and next appointment

# --- material aid, advocacy, partner services (reports, partners) ---------------------------
aid_totals_by_month = _aid.aid_totals_by_month  # [(month, {kind: how many})]
systemic_issues = _advocacy.systemic_issues  # problems for many people, with people affected
active_partners = _partner_services.active_partners  # partner services to choose from

# --- episodes and days ----------------------------------------------------------------------
open_episode = _episode_rules.open_episode  # a person's open episode of care, or None
day_bounds = _times.day_bounds  # a Canberra day's start and the next day's, in UTC
local_moment = _times.local_moment  # a Canberra day and time as UTC
monday_of = _times.monday_of  # the Monday of a day's week
add_months = _times.add_months  # the same day some months on
