"""The audit log in plain words: the one table from an action code to what a manager reads.

Every action code written with `audit.record` needs a line in ACTIONS (a unit test greps
the code base for them). A code that is not here still shows, in a readable form.
"""

from __future__ import annotations

from app.access import ROLES

# Action code -> what the person did, said after their name ("Sam Kerr read the case notes").
ACTIONS: dict[str, str] = {
    # Opening and reading a file
    "client.viewed": "opened the file",
    "client.copy_viewed": "looked at the person's copy of their file",
    "client.searched": "searched for clients",
    "client.cover_opened": "opened the file while covering",
    "client.cover_asked": "asked a senior to open the file while covering",
    "client.cover_approved": "said yes to opening a file while covering",
    "client.cover_declined": "said no to opening a file while covering",
    "client.cover_reviewed": "marked a cover opening as reviewed",
    "client.duplicates_shown": "was shown files that may be the same person",
    "plan.printed": "printed the plan",
    "consent.printed": "printed a consent",
    "handover.viewed": "looked at a handover",
    "handover.list_viewed": "looked at the list of people waiting",
    "team.file_audit_viewed": "looked at a finished file check",
    "team.audit_feedback_viewed": "looked at feedback from a file check",
    "team.reallocation_viewed": "looked at a change of worker",
    "team.reallocation_read": "read a note about a change of worker",
    "team.caseload_viewed": "looked at a worker's caseload",
    "team.consultation_viewed": "looked at a worker's people for a team talk",
    "care.my_work_viewed": "looked at their own work for today",
    "care.week_viewed": "looked at a week of appointments",
    "care.to_close_viewed": "looked at the episodes to close",
    "aid.totals_viewed": "looked at material aid totals",
    "advocacy.systemic_viewed": "looked at bigger issues for many people",
    "supervision.viewed": "read a supervision record",
    "training.record_viewed": "looked at someone's training record",
    "report.viewed": "looked at a report",
    # Changes to a file
    "client.created": "started a new file",
    "client.changed": "changed the person's details",
    "client.draft_from_handover": "started a new file from a handover",
    "client.draft_matched": "found the person already had a file",
    "client.copy_given": "gave the person a copy of their file",
    "client.deleted_under_retention": "deleted an old file",
    "client.merged": "merged another file of the same person into this one",
    "client.merged_away": "merged this file into another file of the same person",
    "client.linked": "linked the file to another person's file",
    "client.link_removed": "took off a link to another person's file",
    "client.child_added": "wrote down a child who is not a client",
    "client.child_changed": "changed a child's details",
    "client.child_removed": "took a child off the file",
    # Confidentiality, told and kept (issue 15)
    "client.confidentiality_explained": "told the person their file is confidential",
    "client.disclosure_recorded": "wrote down information the law asks us to give",
    "client.disclosure_approved": "approved giving information the law asks for",
    "client.disclosure_declined": "said no to giving information the law asks for",
    "client.disclosures_listed": "looked at all information the law made us give",
    "client.known_outside_work": "wrote down that a worker knows the person outside work",
    "client.known_outside_work_ended": "ended a note that a worker knows the person outside work",
    "note.added": "wrote a case note",
    "note.corrected": "corrected a case note",
    # Care teams and learners' notes (issue 15)
    "client.team_added": "added someone to the care team, with the person's agreement",
    "client.team_removed": "took someone off the care team",
    "note.written_to_sign": "wrote a case note for their worker to sign",
    "note.countersigned": "signed a trainee's or student's case note",
    "training.placement_started": "started a student's placement",
    "plan.started": "started a plan",
    "plan.changed": "changed the plan",
    "assessment.saved": "saved an assessment",
    "episode.opened": "opened an episode of care",
    "episode.changed": "changed an episode of care",
    "episode.start_corrected": "put right the day an episode of care began",
    "episode.closed": "closed an episode of care",
    "episode.closing_asked": "sent a closing they were not sure of to the manager",
    "episode.closing_confirmed": "said yes to a closing a worker was not sure of",
    "episode.closing_sent_back": "kept open an episode a worker asked to close",
    "appointment.booked": "booked an appointment",
    "appointment.outcome": "wrote down how an appointment went",
    "appointment.cancelled": "cancelled an appointment",
    "appointment.kept_on_closing": "kept an appointment when the episode closed",
    "referral.made": "made a referral",
    "referral.updated": "updated a referral",
    "aid.given": "gave material aid",
    "advocacy.started": "started advocacy",
    "advocacy.updated": "updated advocacy",
    "advocacy.linked": "linked advocacy to a bigger issue",
    "advocacy.systemic_raised": "raised a bigger issue for many people",
    "advocacy.systemic_updated": "updated a bigger issue for many people",
    "consent.given": "wrote down a consent",
    "consent.withdrawn": "wrote down that a consent was taken back",
    "access_request.made": "wrote down a request from the person about their file",
    "access_request.updated": "updated a request from the person about their file",
    "handover.created": "made a handover",
    "handover.picked_up": "picked up a handover",
    "handover.closed": "closed a handover",
    # Giving a file to a worker
    "client.allocated": "gave the file to a worker",
    "client.allocation_approved": "said yes to giving the file to a worker",
    "client.allocation_asked": "asked for the file to be given to a worker",
    "client.allocation_request_approved": "said yes to a request to give the file to a worker",
    "client.allocation_declined": "said no to a request to give the file to a worker",
    "team.reallocated": "moved the file to another worker",
    # Team work
    "team.file_audit_started": "started a file check",
    "team.file_audit_finished": "finished a file check",
    "team.audit_feedback_sent": "sent feedback from a file check",
    "team.audit_feedback_done": "marked feedback from a file check as done",
    "team.consultation_decided": "wrote down a team decision",
    "supervision.recorded": "wrote down a supervision",
    # Supervision and care meetings (issue 15)
    "supervision.schedule_set": "set how often a worker has supervision",
    "supervision.schedule_removed": "took away a worker's supervision schedule",
    "supervision.schedule_viewed": "looked at how often each worker has supervision",
    "meeting.recorded": "wrote down a care coordination meeting",
    "meeting.action_done": "marked an action from a care meeting done",
    # Sign-in
    "sign_in": "signed in",
    "sign_in.failed": "could not sign in: wrong password or username",
    "sign_in.refused": "was refused sign-in: account locked or turned off",
    "sign_in.two_step_failed": "typed a wrong two-step code",
    "sign_in.recovery_code_used": "signed in with a recovery code",
    "sign_out": "signed out",
    # Accounts
    "account.created": "made an account",
    "account.changed": "changed an account",
    "account.role_changed": "changed what someone does here",
    "account.password_changed": "changed a password",
    "account.disabled": "turned off an account",
    "account.enabled": "turned an account back on",
    "account.locked": "had their account locked after wrong passwords",
    "account.unlocked": "unlocked an account",
    "account.two_step_set_up": "set up two-step sign-in",
    "account.two_step_reset": "reset someone's two-step sign-in",
    "account.shared_about_self": "changed what they share for matching",
    "account.experience_corrected": "corrected the lived experience a worker shares",
    "setting.changed": "changed a setting of the app",
    # Exports and printing
    "report.downloaded": "downloaded a report",
    "report.nmds_exported": "exported the yearly data for the government",
    "frontdesk.datasheet_exported": "downloaded the drop-in numbers",
    "care.day_sheet_printed": "printed a day sheet of appointments",
    "audit_log.exported": "downloaded the audit log",
    "database.backed_up": "made a backup of the data",
    "database.restored": "put back the data from a backup",
    # Front desk, partners and training
    "shift.recorded": "wrote down a shift",
    "shift.ended": "ended a shift",
    "shift.shadow_recorded": "wrote down a shadow shift at the desk",
    "shift.shadow_confirmed": "said a trainee shadowed them at the desk",
    "shift.shadow_declined": "said a trainee did not shadow them at the desk",
    "tally_item.added": "added a thing to count at drop-in",
    "tally_item.changed": "changed a thing to count at drop-in",
    "tally_item.retired": "took a thing to count off the drop-in screen",
    "tally_item.restored": "put a thing to count back on the drop-in screen",
    "tally_item.usual_list_added": "added the usual things to count",
    "daily_task.added": "added a daily task",
    "daily_task.changed": "changed a daily task",
    "daily_task.retired": "took a daily task off the list",
    "daily_task.restored": "put a daily task back on the list",
    "partner.added": "added a partner service",
    "partner.changed": "changed a partner service",
    "partner.retired": "took a partner service off the list",
    "partner.restored": "put a partner service back on the list",
    "partner.in_reach_added": "added a visit by a partner service",
    "partner.in_reach_stopped": "stopped a visit by a partner service",
    "partner.suggested": "suggested a service for the partners list",
    "partner.approved": "approved a suggested service for the partners list",
    "partner.declined": "turned down a suggested service for the partners list",
    "training.session_added": "wrote down a training session",
    "training.certificate_added": "added a certificate",
    "training.item_signed_off": "signed off a learning item",
    "training.module_signed_off": "signed off a training module",
    "training.level_signed_off": "signed off a training level",
    "training.item_added": "added a learning item",
    "training.item_changed": "changed a learning item",
    "training.item_moved": "moved a learning item",
    "training.item_retired": "took a learning item out",
    "training.item_restored": "put a learning item back",
    "training.module_changed": "changed a training module",
    "training.agreement_accepted": "agreed to the rules of working here",
    "training.agreement_changed": "changed the rules everyone agrees to",
    # Safety (issue 15)
    "safety.incident_recorded": "wrote down an incident",
    "safety.incident_viewed": "looked at an incident",
    "safety.incident_reviewed": "reviewed an incident",
    "safety.incident_closed": "closed an incident",
    "safety.complaint_recorded": "wrote down a complaint about the service",
    "safety.complaint_viewed": "looked at a complaint about the service",
    "safety.complaint_step": "added a step to a complaint about the service",
    "safety.critical_recorded": "wrote down a critical incident",
    "safety.critical_viewed": "looked at a critical incident",
    "safety.critical_changed": "wrote the follow-up of a critical incident",
    "safety.critical_closed": "closed a critical incident",
    "safety.critical_told": "wrote down who was told about a critical incident",
    "safety.critical_report_viewed": "opened the funder's report of a critical incident",
    "safety.register_viewed": "looked at a safety register",
    # Refused attempts
    "refused": "was refused",
    "refusals.capped": "was refused many times: no more are written down this hour",
}

# detail["page"] of "client.viewed" -> what they looked at.
PAGES: dict[str, str] = {
    "confidentiality": "read the words that say the file is confidential",
    "disclosures": "read what the law made us give from the file",
    "known outside work": "read which workers know the person outside work",
    "file": "opened the file",
    "details": "read the person's details",
    "notes": "read the case notes",
    "note": "read a case note",
    "new note": "started writing a case note",
    "sign a note": "signed a trainee's or student's case note",
    "care team": "looked at the care team",
    "correct note": "started correcting a case note",
    "plan": "read the plan",
    "plan start": "started a plan",
    "plan print": "opened the plan to print",
    "plan dates": "opened the plan dates to change",
    "new goal": "started adding a goal to the plan",
    "change goal": "opened a goal of the plan to change",
    "goal new words": "opened a goal of the plan to give it new words",
    "goal status": "opened a goal of the plan to mark it",
    "new step": "started adding a step to the plan",
    "step done": "opened a step of the plan to mark it done",
    "assessment": "read the assessment",
    "assessment version": "read an earlier assessment",
    "episodes": "looked at the episodes of care",
    "episode": "looked at an episode of care",
    "close episode": "started closing an episode",
    "close episode check": "looked at the check before closing an episode",
    "appointments after closing": "looked at the appointments still to come after closing",
    "appointment after closing": "looked at an appointment still to come after closing",
    "appointments": "looked at the appointments",
    "new appointment": "started booking an appointment",
    "appointment": "looked at an appointment",
    "appointment outcome": "opened an appointment to write how it went",
    "cancel appointment": "opened an appointment to cancel it",
    "referrals": "looked at the referrals",
    "new referral": "started a referral",
    "referral consent": "looked at the consent for a referral",
    "referral": "looked at a referral",
    "material aid": "looked at the material aid given",
    "care meetings": "looked at the care meetings",
    "new care meeting": "started writing up a care meeting",
    "care meeting": "looked at a care meeting",
    "care meeting action": "marked an action from a care meeting done",
    "advocacy": "looked at the advocacy",
    "new advocacy": "started advocacy",
    "advocacy issue": "looked at an advocacy issue",
    "raise systemic": "started raising a bigger issue for many people",
    "consents": "looked at the consents",
    "consent": "read a consent",
    "consent print": "opened a consent to print",
    "consent check": "looked at the check before saving a consent",
    "requests": "looked at the person's requests about their file",
    "workers": "looked at who the file's worker is",
    "preferences": "looked at what they prefer in a worker, and how often they meet",
    "reallocate": "opened the page to move the file to another worker",
    "check": "started a file check",
    "consultation": "opened the file for a team talk",
    "merge choose": "started merging two files of the same person",
    "merge check": "looked at the check before merging two files",
    "link choose": "started linking the file to another person's file",
    "new link": "started linking the file to another person's file",
    "take off link": "opened a link to another file to take it off",
    "new child": "started writing down a child",
    "change child": "opened a child's details to change",
    "take off child": "opened a child's details to take them off the file",
}

# Pages named "<start> <step>": the start in words, then the step.
PAGE_PREFIXES: dict[str, str] = {
    "close episode ": "looked at a step of closing an episode",
    "change ": "opened the person's details to change",
    "consent ": "looked at a step of writing down a consent",
}

# Why someone opened a file that is not theirs (detail["reason"] of a cover opening).
COVER_REASONS: dict[str, str] = {
    "away": "covering for the worker, who is away",
    "here_now": "the person was here and needed help now",
    "safety": "a safety concern",
}

# Why a session ended (detail["reason"] of sign_out, app/auth/sessions.py) -> words.
SIGN_OUT_REASONS: dict[str, str] = {
    "signed out": "by their own choice",
    "signed out everywhere": "on every screen, by their own choice",
    "idle": "nothing happened for a while",
    "time limit": "signed in for the longest time allowed",
    "role changed": "their role was changed",
    "account stopped": "their account was turned off",
    "account disabled": "their account was turned off",
    "password changed": "their password was changed",
    "two-step reset": "their phone code was reset",
}

# Field names in detail["fields"] -> words.
FIELDS: dict[str, str] = {
    "appointment_made": "whether an appointment was made",
    "attended": "whether they went",
    "outcome": "how it went",
    "source_of_referral": "who sent them",
    "client_type": "whose use it is about",
    "main_treatment_type": "the main kind of support",
    "delivery_setting": "where the support happens",
    "principal_drug": "the main drug of concern",
    "given_name": "first name",
    "family_name": "last name",
    "nickname": "the name they go by",
    "pronouns": "pronouns",
    "phone": "phone number",
    "phone2": "second phone number",
    "email": "email",
    "address": "address",
    "born_on": "date of birth",
}

# Why a request was refused (flask.g.refusal, or audit.record_refusal's kind) -> words.
REFUSALS: dict[str, str] = {
    "no permission": "asked for a page their role does not have",
    "not theirs": "asked for a file or record that is not theirs to see",
    "forbidden": "tried something they may not do",
    "form check failed": "sent a form that failed its safety check",
    "two-step code wrong": "typed a wrong two-step code",
    "two-step code used again": "typed a two-step code that was already used",
    "two-step locked": "was locked out after wrong two-step codes",
}

# The kinds a manager can filter by: words -> the action codes (a code ending in "." or "_"
# stands for every code that starts with it).
KINDS: dict[str, tuple[str, ...]] = {
    "Opening a file": (
        "client.viewed",
        "client.copy_viewed",
        "plan.printed",
        "consent.printed",
        "handover.viewed",
        "team.file_audit_viewed",
        "team.audit_feedback_viewed",
        "team.reallocation_viewed",
    ),
    "Searches": ("client.searched", "client.duplicates_shown"),
    "Changes to a file": (
        "client.created",
        "client.changed",
        "client.draft_from_handover",
        "client.draft_matched",
        "client.copy_given",
        "client.merged",
        "client.merged_away",
        "client.linked",
        "client.link_removed",
        "client.child_",
        "note.",
        "plan.started",
        "plan.changed",
        "assessment.",
        "episode.",
        "appointment.",
        "referral.",
        "aid.given",
        "meeting.",
        "advocacy.started",
        "advocacy.updated",
        "advocacy.linked",
        "consent.given",
        "consent.withdrawn",
        "access_request.",
        "handover.created",
        "handover.picked_up",
        "handover.closed",
    ),
    "Cover openings": ("client.cover_",),
    "Giving a file to a worker": (
        "client.allocated",
        "client.allocation_",
        "team.reallocated",
        "team.reallocation_read",
    ),
    "Deleted files": ("client.deleted_under_retention",),
    "Confidentiality": (
        "client.confidentiality_explained",
        "client.disclosure_",
        "client.disclosures_listed",
        "client.known_outside_work",
        "client.known_outside_work_ended",
    ),
    "Sign-in": ("sign_in", "sign_in.", "sign_out"),
    "Accounts": ("account.", "setting."),
    "Exports": (
        "report.downloaded",
        "report.nmds_exported",
        "frontdesk.datasheet_exported",
        "care.day_sheet_printed",
        "audit_log.exported",
        "database.",
    ),
    "Refused attempts": ("refused", "refusals."),
}

SOMEONE = "Someone not signed in"
SYSTEM = "The system"


def readable(code: str) -> str:
    """Words for a code nobody wrote words for: "team.thing_done" -> "team: thing done"."""
    area, _, rest = str(code).partition(".")
    words = (f"{area}: {rest}" if rest else area).replace("_", " ")
    return words.strip() or "did something"


def page_words(page) -> str:
    """What a page of a file is, as something the person did."""
    page = str(page or "").strip()
    if page in PAGES:
        return PAGES[page]
    for start, words in PAGE_PREFIXES.items():
        if page.startswith(start):
            return f"{words}: {page[len(start) :].replace('_', ' ')}"
    return f"looked at a page of the file: {page.replace('_', ' ')}" if page else "opened the file"


def field_words(fields) -> str:
    """["attended", "outcome"] -> "whether they went, how it went"."""
    if not isinstance(fields, list | tuple | dict):
        return ""
    return ", ".join(FIELDS.get(str(f), str(f).replace("_", " ")) for f in fields)


def refusal_words(detail: dict) -> str:
    why = str(detail.get("why") or "")
    words = REFUSALS.get(why, f"was refused: {why}" if why else "was refused")
    return words


def _role(value) -> str:
    return ROLES.get(str(value), str(value)).lower()


def describe(action: str, detail: dict | None) -> str:
    """What the person did, in plain words. Never fails: odd detail gives plainer words."""
    detail = detail if isinstance(detail, dict) else {}
    try:
        return _describe(action, detail)
    except Exception:  # an old or odd entry must still show
        return ACTIONS.get(action) or readable(action)


def _describe(action: str, detail: dict) -> str:
    if action == "client.viewed":
        return page_words(detail.get("page"))
    if action == "refused":
        return refusal_words(detail)
    words = ACTIONS.get(action) or readable(action)
    if detail.get("fields"):
        return f"{words}: {field_words(detail['fields'])}"
    if action == "account.role_changed" and "to" in detail:
        return f"{words}: from {_role(detail.get('from'))} to {_role(detail['to'])}"
    if action == "plan.changed" and detail.get("version"):
        return f"{words}: version {detail['version']}"
    if action == "client.searched":
        return _search_words(words, detail)
    if action == "sign_out" and detail.get("reason"):
        reason = SIGN_OUT_REASONS.get(str(detail["reason"]))
        return f"{words}: {reason}" if reason else words
    if action in ("client.cover_opened", "client.cover_asked") and detail.get("reason"):
        reason = COVER_REASONS.get(str(detail["reason"]))
        return f"{words}: {reason}" if reason else words
    if action in ("report.downloaded", "frontdesk.datasheet_exported", "report.nmds_exported"):
        kind = detail.get("format")
        return f"{words} ({kind.upper()})" if isinstance(kind, str) and kind else words
    return words


def _search_words(words: str, detail: dict) -> str:
    """'searched for clients: "Tam" (3 shown)'."""
    typed = detail.get("searched_for")
    shown = detail.get("shown")
    count = len(shown) if isinstance(shown, list) else detail.get("results")
    if isinstance(typed, str) and typed:
        words = f'{words}: "{typed}"'
    if isinstance(count, int) and not isinstance(count, bool):
        words = f"{words} ({count} shown)" if typed else f"{words}: {count} shown"
    return words


def kind_codes(kind: str) -> tuple[list[str], list[str]]:
    """(exact codes, starts of codes) for a kind a manager chose."""
    codes = KINDS.get(kind, ())
    starts = [c for c in codes if c.endswith((".", "_"))]
    return [c for c in codes if c not in starts], starts
