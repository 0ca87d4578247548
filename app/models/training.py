"""Training: the Community Development Program (CDP), levels one to five.

The programme (levels, modules and learning items) is data the trainer edits. A person's
record is what they did (progress, reflections, hours, certificates) and what a trainer
signed off. Agreements are versioned texts; accepting one keeps the version and the date.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned

# The kinds of learning item: key -> (what a person sees, icon).
ITEM_KINDS: dict[str, tuple[str, str]] = {
    "read": ("Read", "read"),
    "watch": ("Watch", "watch"),
    "do": ("Do", "do"),
    "talk": ("Talk about", "talk"),
    "shadow": ("Shadow a shift", "shadow"),
    "meet": ("Meet someone", "meet"),
}

# Certificates and checks a person can hold: key -> the name people use.
CERTIFICATE_KINDS: dict[str, str] = {
    "nsp": "Needle and syringe program (NSP) certificate",
    "food_handling": "Food handling",
    "hand_hygiene": "Hand hygiene",
    "first_aid": "First aid",
    "mental_health_first_aid": "Mental health first aid",
    "aod_cert_iv": "Alcohol and other drugs (AOD) Certificate IV",
    "wwvp": "Working with Vulnerable People registration",
    "de_escalation": "De-escalation",
    "trauma_informed": "Trauma informed practice",
    "consumer_rep": "Consumer representative training",
    "cultural_awareness": "Cultural awareness training",
    "other": "Other training",
}


class Level(Base):
    __tablename__ = "training_level"

    number: Mapped[int] = mapped_column(unique=True)
    name: Mapped[str] = mapped_column(String(80))  # "Training", "Volunteering" ...
    position: Mapped[str] = mapped_column(String(120))  # Appendix Three's "Position"
    step_label: Mapped[str] = mapped_column(String(60))  # short, for the picture of steps
    summary: Mapped[str] = mapped_column(Text)  # one line in plain words
    lets_you: Mapped[str] = mapped_column(Text)  # what finishing this level lets you do
    hours: Mapped[str] = mapped_column(String(120), default="")
    description: Mapped[str] = mapped_column(Text, default="")  # the model of care's words

    modules: Mapped[list[Module]] = relationship(back_populates="level", order_by="Module.position")


class Module(Versioned, Base):
    __tablename__ = "training_module"

    level_id: Mapped[int] = mapped_column(ForeignKey("training_level.id"), index=True)
    position: Mapped[int]
    title: Mapped[str] = mapped_column(String(120))  # plain: "Module 1: Our rules"
    in_house: Mapped[str] = mapped_column(String(200))  # Appendix Three's "In-house training"
    content_heading: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")  # the model of care's words
    words: Mapped[list[str]] = mapped_column(JSON, default=list)  # glossary words to match

    level: Mapped[Level] = relationship(back_populates="modules")
    items: Mapped[list[LearningItem]] = relationship(
        back_populates="module", order_by="LearningItem.position"
    )


class LearningItem(Versioned, Base):
    __tablename__ = "training_item"

    module_id: Mapped[int] = mapped_column(ForeignKey("training_module.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str | None] = mapped_column(String(500))
    minutes: Mapped[int | None]  # a guess at the time it takes
    # Where it comes from in the model of care: content, concept, activity, additional,
    # in_house (Appendix Three's columns) or text (the level's own words); and the words there.
    source: Mapped[str] = mapped_column(String(20), default="trainer")
    source_text: Mapped[str] = mapped_column(String(300), default="")
    special: Mapped[str | None] = mapped_column(String(20))  # "agreements", "words"
    certificate_kind: Mapped[str | None] = mapped_column(String(40))
    retired_at: Mapped[datetime | None]

    module: Mapped[Module] = relationship(back_populates="items")

    @property
    def kind_label(self) -> str:
        return ITEM_KINDS.get(self.kind, ("Do", "do"))[0]

    @property
    def kind_icon(self) -> str:
        return ITEM_KINDS.get(self.kind, ("Do", "do"))[1]


class Progress(Base):
    """A person marked an item done. Undoing it clears done_at; the row stays."""

    __tablename__ = "training_progress"
    __table_args__ = (UniqueConstraint("user_id", "item_id"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("training_item.id"), index=True)
    done_at: Mapped[datetime | None]

    item: Mapped[LearningItem] = relationship()


class ItemSignOff(Base):
    __tablename__ = "training_item_sign_off"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("training_item.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[LearningItem] = relationship()
    signed_by = relationship("User", foreign_keys="ItemSignOff.created_by_id")


class ModuleSignOff(Base):
    __tablename__ = "training_module_sign_off"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("training_module.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    module: Mapped[Module] = relationship()
    signed_by = relationship("User", foreign_keys="ModuleSignOff.created_by_id")


class LevelSignOff(Base):
    """A trainer said a person finished a level. Kept as the person's history."""

    __tablename__ = "training_level_sign_off"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    level_id: Mapped[int] = mapped_column(ForeignKey("training_level.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")

    level: Mapped[Level] = relationship()
    signed_by = relationship("User", foreign_keys="LevelSignOff.created_by_id")


class Reflection(Base):
    """A few words a person wrote about what they learned (their trainer can read it)."""

    __tablename__ = "training_reflection"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("training_item.id"), index=True)
    text: Mapped[str] = mapped_column(Text)

    item: Mapped[LearningItem | None] = relationship()


class TrainingSession(Base):
    """Time spent training: with the trainer, at a workshop, or reading at home."""

    __tablename__ = "training_session"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    day: Mapped[date] = mapped_column(index=True)
    minutes: Mapped[int]
    what: Mapped[str] = mapped_column(String(200), default="")


class Certificate(Base):
    __tablename__ = "training_certificate"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    kind: Mapped[str] = mapped_column(String(40))
    issued_on: Mapped[date]
    expires_on: Mapped[date | None] = mapped_column(index=True)
    note: Mapped[str] = mapped_column(String(200), default="")

    @property
    def label(self) -> str:
        return CERTIFICATE_KINDS.get(self.kind, self.kind)


class Agreement(Base):
    """Code of conduct; privacy and confidentiality; work health and safety; feedback and
    complaints. The text lives in versions; current_number is the newest version."""

    __tablename__ = "training_agreement"

    key: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    position: Mapped[int]
    current_number: Mapped[int] = mapped_column(default=0)

    # The number is the version too: a new version made from an older one changes nothing.
    __mapper_args__ = {"version_id_col": current_number, "version_id_generator": False}  # noqa: RUF012

    versions: Mapped[list[AgreementVersion]] = relationship(
        back_populates="agreement", order_by="AgreementVersion.number"
    )


class AgreementVersion(Base):
    __tablename__ = "training_agreement_version"
    __table_args__ = (UniqueConstraint("agreement_id", "number"),)

    agreement_id: Mapped[int] = mapped_column(ForeignKey("training_agreement.id"), index=True)
    number: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    change_note: Mapped[str] = mapped_column(String(300), default="")

    agreement: Mapped[Agreement] = relationship(back_populates="versions")


class AgreementAcceptance(Base):
    """A person accepted one version of an agreement, on created_at."""

    __tablename__ = "training_agreement_acceptance"
    __table_args__ = (UniqueConstraint("user_id", "version_id"),)

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("training_agreement_version.id"), index=True)

    version: Mapped[AgreementVersion] = relationship()


class WordGameResult(Base):
    """One finished word game: how many words were right the first time, out of how many."""

    __tablename__ = "word_game_result"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)
    module_id: Mapped[int] = mapped_column(ForeignKey("training_module.id"), index=True)
    score: Mapped[int]
    out_of: Mapped[int]
    played_at: Mapped[datetime]


class Placement(Base):
    """A student on placement: their course and the worker who supervises them here."""

    __tablename__ = "training_placement"

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"), unique=True)
    programme: Mapped[str] = mapped_column(String(200))  # their course, in their words
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("user.id"), index=True)

    supervisor = relationship("User", foreign_keys=[supervisor_id])
