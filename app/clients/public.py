"""What other areas may use from client files: who may open a file, loading one for a page,
its header, the timeline, episodes and assessments, consent to share, drafts, allocations.

Import it as a module: `from app.clients import public as clients`, then
`clients.get_client_for_current_user(client_id)`. Everything else in app/clients is private.
"""

from __future__ import annotations

from app.clients import access as _access
from app.clients import allocation as _allocation
from app.clients import assessments as _assessments
from app.clients import care_team as _care_team
from app.clients import confidentiality as _confidentiality
from app.clients import consent_forms as _consent_forms
from app.clients import consents as _consents
from app.clients import contact_frequency as _contact_frequency
from app.clients import drafts as _drafts
from app.clients import episodes as _episodes
from app.clients import files as _files
from app.clients import known_outside_work as _known
from app.clients import merging as _merging
from app.clients import page_helpers as _pages
from app.clients import preferences as _preferences
from app.clients import registration as _registration
from app.clients import timeline as _timeline

# --- who may open a file (care, team) ------------------------------------------------------
FULL = _access.FULL  # sees the whole file
COVER = _access.COVER  # sees the narrow view while covering (care's pages)
SUPERVISED = _access.SUPERVISED  # a trainee or student on the care team: the narrow view
NARROW = _access.NARROW  # the levels that see the narrow view (cover_ok pages only)
access_level = _access.access_level  # FULL, COVER, SUPERVISED or None (care's pages)
can_open = _access.can_open  # may this person open this file (team: audits, caseloads)
visible_condition = _access.visible_condition  # a WHERE clause: files they may open (care)
pending_handover = _access.pending_handover  # a file moving away from them (team)
active_files = _merging.active_files  # a WHERE clause: files not merged into another (lists)

# --- the care team (care: demo data) --------------------------------------------------------
add_to_care_team = _care_team.add_member  # someone joins, with the person's agreement

# --- loading a file for a page (care's and team's pages) -----------------------------------
get_client_for_current_user = _pages.get_client_for_current_user  # the file, or 404
open_client = _pages.open_client  # the file, or 404, and the opening logged
header = _pages.header  # what the top of every page of a file shows
cover_view = _pages.cover_view  # the part of a file a covering worker sees
get_draft_or_404 = _pages.get_draft_or_404  # the person's own draft (care: consent, closing)

# --- the timeline (every area that adds to a file) -----------------------------------------
add_to_timeline = _timeline.add_to_timeline  # one short line on a file's timeline
timeline_query = _timeline.timeline_query  # a file's timeline, newest first
restate_on_timeline = _timeline.restate  # new words for a record's line (care: signed notes)

# --- a file and its details (admin's demo, team's audits, scale) ---------------------------
create_client = _files.create_client  # a file from registration answers (demo data)
missing = _files.missing  # details still to ask (team: file audits)
search_text = _registration.search_text  # a name as the search columns hold it (admin, scale)
phone_digits = _registration.phone_digits  # a phone number as its search column holds it (scale)

# --- episodes and assessments (care: closing; team: audits, matching) ----------------------
episodes = _episodes.episodes  # a file's episodes of care, newest first (team: audits)
open_episode_of = _episodes.open_episode_of  # the open episode, or None (care, team)
update_episode = _episodes.update_episode  # change an open episode's codes (care: closing)
close_episode = _episodes.close_episode  # close with a reason (care: closing)
latest_assessment = _assessments.latest_assessment  # the newest assessment (team)

# --- consent to share (care: referrals, demo; team: audits; scale) -------------------------
current_consent_for = _consents.current_consent_for  # the consent that allows sharing, or None
no_consent_message = _consents.no_consent_message  # the refusal when there is none
consents_for = _consents.consents_for  # a file's consents, newest first (team: audits)
is_current = _consents.is_current  # is this consent in force (team: audits)
covers_words = _consents.covers_words  # "Covers": who a consent is with, in words (care)
create_consent = _consents.create_consent  # record a consent (care: demo data)
default_expiry = _consents.default_expiry  # 12 months after it was given (scale)
SHARES = _consent_forms.SHARES  # what a consent may share, in words (scale)
HOW_GIVEN = _consent_forms.HOW_GIVEN  # how consent was given, in words (scale)

# --- drafts (care: consent from a referral, closing an episode) ----------------------------
create_draft = _drafts.create_draft  # a draft kept while someone answers a journey
my_drafts = _drafts.my_drafts  # this person's open drafts of a kind

# --- who supports a person (team: caseloads, reallocation) ---------------------------------
allocate = _allocation.allocate  # give the file to a worker
allocations = _allocation.allocations  # who has supported the person, newest first
who_supports = _allocation.who_supports  # what allocation pages show (app/locking.py)
caseload_counts = _allocation.caseload_counts  # {worker id: people they support now}
suggest_workers = _allocation.suggest_workers  # workers who fit the needs, best first

# --- agreed contact frequency (team: caseloads) --------------------------------------------
is_overdue_for_contact = _contact_frequency.is_overdue  # seen less often than agreed
worker_preferences_words = _preferences.wanted_by  # what they asked for in a worker (team)

# --- workers who know the person outside work (team, frontdesk: every allocation path) ------
refuse_if_known = _known.refuse_if_known  # THE rule: raises Refused when the worker knows them
workers_who_know = _known.workers_who_know  # {worker id} who know this file's person
known_refusal_words = _known.refusal_words  # the one message, for a page that refuses itself
known_outside_work_everyone = _known.everyone  # every current one (team: caseloads page)
known_clients_of = _known.clients_of  # {client id: file} for those rows (team: caseloads)
KNOWN_HOW = _known.HOW  # how they know each other, in words

# --- told their file is confidential (team: file checks) -----------------------------------
was_told_confidential = _confidentiality.was_explained  # a worker told them, on the file
