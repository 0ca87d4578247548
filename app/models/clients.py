"""Client files: the client contact record (Appendix Two), consent to share (Appendix One),
episodes of care, who supports the person, who opened the file to cover, requests for
access, drafts of long forms, and the timeline of everything in a file."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, Index, Integer, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned
from app.models.people import User

# Search columns hold lower-case letters and digits only. A binary collation lets a prefix
# search ("sam%") use the index on PostgreSQL (C) and on SQLite (NOCASE).
SEARCH_TEXT = (
    String(100)
    .with_variant(String(100, collation="C"), "postgresql")
    .with_variant(String(100, collation="NOCASE"), "sqlite")
)


class Client(Base):
    """A person's file: the client contact record. Only a first name or nickname is needed."""

    __tablename__ = "client"
    __table_args__ = (
        Index("ix_client_search_given", "search_given"),
        Index("ix_client_search_family", "search_family"),
        Index("ix_client_search_nickname", "search_nickname"),
        Index("ix_client_phone_digits", "phone_digits"),
        Index("ix_client_phone2_digits", "phone2_digits"),
        Index("ix_client_created_at", "created_at"),  # files started in a week (reports)
        Index("ix_client_worker_level", "worker_id", "support_level"),  # the caseloads page
        # Only the few merged files: "not merged" is nearly every file, and SQLite would
        # otherwise pick this index over the name indexes for a search.
        Index(
            "ix_client_merged_into_id",
            "merged_into_id",
            sqlite_where=text("merged_into_id IS NOT NULL"),
            postgresql_where=text("merged_into_id IS NOT NULL"),
        ),
    )

    # Optimistic locking: each save adds one; a save made from an older version is refused.
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)

    # This contact (staff use only)
    contact_date: Mapped[date | None]
    service_location: Mapped[str | None] = mapped_column(String(30))
    service_location_other: Mapped[str | None] = mapped_column(String(200))  # "somewhere else"
    staff_member_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    referral_source: Mapped[str | None] = mapped_column(String(30))
    referral_detail: Mapped[str | None] = mapped_column(String(200))

    # Name
    given_name: Mapped[str | None] = mapped_column(String(100))
    family_name: Mapped[str | None] = mapped_column(String(100))
    nickname: Mapped[str | None] = mapped_column(String(100))
    pronouns: Mapped[str | None] = mapped_column(String(40))
    search_given: Mapped[str | None] = mapped_column(SEARCH_TEXT)
    search_family: Mapped[str | None] = mapped_column(SEARCH_TEXT)
    search_nickname: Mapped[str | None] = mapped_column(SEARCH_TEXT)

    # Birth and gender
    born_on: Mapped[date | None] = mapped_column(index=True)
    birth_year_estimate: Mapped[int | None]
    gender: Mapped[str | None] = mapped_column(String(20))
    gender_other: Mapped[str | None] = mapped_column(String(100))

    # How to reach them
    address: Mapped[str | None] = mapped_column(String(300))
    postcode: Mapped[str | None] = mapped_column(String(4))
    phone: Mapped[str | None] = mapped_column(String(40))
    phone2: Mapped[str | None] = mapped_column(String(40))
    phone_digits: Mapped[str | None] = mapped_column(String(20))
    phone2_digits: Mapped[str | None] = mapped_column(String(20))
    email: Mapped[str | None] = mapped_column(String(254))
    ok_to_call: Mapped[str | None] = mapped_column(String(20))
    ok_to_text: Mapped[str | None] = mapped_column(String(20))
    ok_to_email: Mapped[str | None] = mapped_column(String(20))

    # Background
    country_of_birth: Mapped[str | None] = mapped_column(String(100))
    preferred_language: Mapped[str | None] = mapped_column(String(100))
    nesb: Mapped[str | None] = mapped_column(String(20))
    indigenous: Mapped[str | None] = mapped_column(String(20))
    interpreter_needed: Mapped[str | None] = mapped_column(String(20))  # yes, no, not_asked

    # What they prefer in a worker (app/clients/preferences.py): gender, indigenous, language.
    worker_preferences: Mapped[dict] = mapped_column(JSON, default=dict, server_default="{}")
    # How often they and their worker agreed to meet (app/clients/contact_frequency.py).
    contact_frequency: Mapped[str | None] = mapped_column(String(20))

    # Home
    accommodation: Mapped[str | None] = mapped_column(String(30))
    accommodation_other: Mapped[str | None] = mapped_column(String(200))
    living: Mapped[str | None] = mapped_column(String(30))
    living_other: Mapped[str | None] = mapped_column(String(200))

    # Drug use
    client_type: Mapped[str | None] = mapped_column(String(20))
    main_drug: Mapped[str | None] = mapped_column(String(30))
    main_drug_other: Mapped[str | None] = mapped_column(String(200))
    method: Mapped[str | None] = mapped_column(String(30))
    method_other: Mapped[str | None] = mapped_column(String(200))
    other_drugs: Mapped[list[str]] = mapped_column(JSON, default=list)
    other_drugs_other: Mapped[str | None] = mapped_column(String(200))
    last_injected: Mapped[str | None] = mapped_column(String(30))

    # Text questions the person chose not to answer (choice questions have their own answer).
    not_said: Mapped[list[str]] = mapped_column(JSON, default=list)

    slk581: Mapped[str | None] = mapped_column(String(14), index=True)

    # The worker who supports the person now (the history is in Allocation).
    worker_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    # The support level of the newest assessment, kept by app.clients.assessments.keep_support_level
    # so the caseloads page counts thousands of people without reading their assessments.
    support_level: Mapped[str | None] = mapped_column(String(20))

    # A file merged into another (the same person) only points to the file kept
    # (app/clients/merging.py); it shows in no list.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))

    worker: Mapped[User | None] = relationship(foreign_keys=[worker_id])
    staff_member: Mapped[User | None] = relationship(foreign_keys=[staff_member_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def name(self) -> str:
        """What to call them: the nickname they go by, else the first name."""
        return self.nickname or self.given_name or "No name yet"

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p) or self.name


class ClientChange(Base):
    """One saved change to a client's details: what each answer was, and what it became.

    A correction is a new version: the old answer stays here and is never overwritten.
    """

    __tablename__ = "client_change"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    version: Mapped[int]
    changes: Mapped[dict] = mapped_column(JSON, default=dict)  # field -> [before, after]
    reason: Mapped[str | None] = mapped_column(String(200))


class Consent(Versioned, Base):
    """Appendix One: permission to share information with one person or organisation."""

    __tablename__ = "consent"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    party_name: Mapped[str] = mapped_column(String(200))
    relationship_to: Mapped[str | None] = mapped_column(String(200))
    contact_details: Mapped[str | None] = mapped_column(String(300))
    # A partner service in the directory, when there is one (no foreign key: another area).
    partner_id: Mapped[int | None] = mapped_column(Integer, index=True)
    shares: Mapped[list[str]] = mapped_column(JSON, default=list)
    shares_other: Mapped[str | None] = mapped_column(String(500))
    how_given: Mapped[str] = mapped_column(String(30))
    witness: Mapped[str | None] = mapped_column(String(100))
    given_on: Mapped[date]
    expires_on: Mapped[date]
    withdrawn_on: Mapped[date | None]
    withdrawn_note: Mapped[str | None] = mapped_column(String(300))

    client: Mapped[Client] = relationship()


class ConsentSignature(Base):
    """The person's signature, drawn on the screen, for a consent "signed on the screen"."""

    __tablename__ = "consent_signature"

    consent_id: Mapped[int] = mapped_column(ForeignKey("consent.id"), unique=True)
    png: Mapped[bytes] = mapped_column(LargeBinary)


class Episode(Versioned, Base):
    """A PTSS episode of care, with the national data set's codes. Closed episodes are kept
    as they were; a person who comes back starts a new one."""

    __tablename__ = "episode"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    opened_on: Mapped[date]  # date of commencement
    source_of_referral: Mapped[int]  # codes.SOURCE_OF_REFERRAL
    client_type: Mapped[int] = mapped_column(default=1)  # codes.CLIENT_TYPE
    main_treatment_type: Mapped[int] = mapped_column(default=5)  # codes.MAIN_TREATMENT_TYPE
    delivery_setting: Mapped[int] = mapped_column(default=1)  # codes.DELIVERY_SETTING
    principal_drug: Mapped[str | None] = mapped_column(String(4))  # ASCDC
    other_drugs: Mapped[list[str]] = mapped_column(JSON, default=list)  # ASCDC, up to 5
    method_of_use: Mapped[int | None]  # codes.METHOD_OF_USE
    injecting_status: Mapped[int | None]  # codes.INJECTING_STATUS
    closed_on: Mapped[date | None] = mapped_column(index=True)  # open ones, and a year's
    reason_for_cessation: Mapped[int | None]  # codes.REASON_FOR_CESSATION
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    client: Mapped[Client] = relationship()

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class Allocation(Base):
    """Who supports the person, from when to when, why, and which senior approved it."""

    __tablename__ = "allocation"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    started_on: Mapped[date]
    ended_on: Mapped[date | None]
    reason: Mapped[str | None] = mapped_column(String(300))
    # Why this worker, when they do not meet what the person asked for in a worker.
    preference_reason: Mapped[str | None] = mapped_column(String(300))
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_at: Mapped[datetime | None]

    worker: Mapped[User] = relationship(foreign_keys=[worker_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])


class CoverAccess(Base):
    """A worker opened a file that is not theirs, with a reason (break glass).

    `state` is "open" (they may see part of the file until `until`), "asked" (a new worker
    or one with no caseload waits for a senior's yes), or "declined". A senior or the
    manager marks each opening as reviewed.
    """

    __tablename__ = "cover_access"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    reason: Mapped[str] = mapped_column(String(500))  # in their own words
    reason_kind: Mapped[str | None] = mapped_column(String(20))  # service.COVER_REASONS
    covering_for_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    until: Mapped[datetime]
    state: Mapped[str] = mapped_column(String(12), default="open", server_default="open")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    approved_at: Mapped[datetime | None]
    reviewed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"), index=True)
    reviewed_at: Mapped[datetime | None]

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    client: Mapped[Client] = relationship()
    covering_for: Mapped[User | None] = relationship(foreign_keys=[covering_for_id])
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    reviewed_by: Mapped[User | None] = relationship(foreign_keys=[reviewed_by_id])


class CareTeamMember(Base):
    """Someone on a file's care team besides its worker: "a team approach may be necessary"
    (model of care). The file's worker stays responsible; a member opens the file (a trainee
    or a student only its narrow view). Added with the person's agreement; removing someone
    sets `ended_at` (the row stays)."""

    __tablename__ = "care_team_member"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    role_words: Mapped[str] = mapped_column(String(120))  # what they do, in plain words
    agreed_on: Mapped[date]  # the day the person agreed to them joining
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))

    user: Mapped[User] = relationship(foreign_keys=[user_id])
    added_by: Mapped[User | None] = relationship(foreign_keys="CareTeamMember.created_by_id")
    ended_by: Mapped[User | None] = relationship(foreign_keys=[ended_by_id])


class AllocationRequest(Base):
    """A worker asked for a file to go to a worker (often themselves). Nothing changes until
    a senior or the manager says yes; then an Allocation is made."""

    __tablename__ = "allocation_request"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    worker_id: Mapped[int] = mapped_column(ForeignKey("user.id"))  # who would support them
    reason: Mapped[str] = mapped_column(String(300))
    preference_reason: Mapped[str | None] = mapped_column(String(300))  # as on Allocation
    state: Mapped[str] = mapped_column(String(12), default="waiting")  # waiting|approved|declined
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    decided_at: Mapped[datetime | None]
    allocation_id: Mapped[int | None] = mapped_column(ForeignKey("allocation.id"))

    worker: Mapped[User] = relationship(foreign_keys=[worker_id])
    asked_by: Mapped[User | None] = relationship(foreign_keys="AllocationRequest.created_by_id")
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])


class AccessRequest(Versioned, Base):
    """A person asked to see (or correct) their file. ACT Health Records (Privacy and Access)
    Act 1997: answer within 14 days, give access within 30 days."""

    __tablename__ = "access_request"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # access | correction
    received_on: Mapped[date]
    asked_for: Mapped[str | None] = mapped_column(Text)
    answered_on: Mapped[date | None]
    access_given_on: Mapped[date | None]
    done_on: Mapped[date | None]
    outcome: Mapped[str | None] = mapped_column(Text)


class RegistrationDraft(Base):
    """A long form half done (registration, consent): answers kept on the server."""

    __tablename__ = "registration_draft"

    kind: Mapped[str] = mapped_column(String(20), default="registration")
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    # The front desk handover it started from (no foreign key: another area's table).
    handover_id: Mapped[int | None] = mapped_column(Integer, index=True)
    answers: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default="open")  # open | done | dropped
    updated_at: Mapped[datetime | None]
    # The file made, or the consent saved, from this draft.
    result_id: Mapped[int | None]


class TimelineEntry(Base):
    """One line in a file's timeline. Every area adds to it through clients.timeline."""

    __tablename__ = "timeline_entry"
    __table_args__ = (Index("ix_timeline_entry_client_occurred", "client_id", "occurred_at"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    occurred_at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(40))
    summary: Mapped[str] = mapped_column(String(300))
    record_type: Mapped[str | None] = mapped_column(String(40))
    record_id: Mapped[int | None]

    created_by: Mapped[User | None] = relationship(foreign_keys="TimelineEntry.created_by_id")


class ClientLink(Base):
    """Two files linked: partners, a parent and a child, family, a carer, friends.

    One row, seen from both files: from the other file the kind is turned round (a parent
    there is a child here). A person sees a link only to a file they may open themselves.
    """

    __tablename__ = "client_link"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    other_client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # app/clients/links.py KINDS
    note: Mapped[str | None] = mapped_column(String(300))
    # Never deleted: a link taken off is kept with why (and shows on both timelines).
    removed_at: Mapped[datetime | None]
    removed_reason: Mapped[str | None] = mapped_column(String(300))


class ClientChild(Versioned, Base):
    """A child of the person who is not a client (in CYF care, with a grandparent)."""

    __tablename__ = "client_child"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    born_year: Mapped[int | None]
    age_text: Mapped[str | None] = mapped_column(String(40))  # "about 6", when no year
    lives_with: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(300))
    removed_at: Mapped[datetime | None]
    removed_reason: Mapped[str | None] = mapped_column(String(300))
