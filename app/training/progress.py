"""Each person's way through the programme: where they are, what they marked done, their
reflections, and what a trainer signed off.

Certificates and hours are in `records.py`, agreements in `agreements.py`; loading and
editing the programme itself in `programme.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app import audit, clock
from app.access import FRONTDESK, STUDENT, TRAINEE
from app.core.people import user_by_id
from app.extensions import db
from app.models import (
    ItemSignOff,
    LearningItem,
    Level,
    LevelSignOff,
    Module,
    ModuleSignOff,
    Progress,
    Reflection,
    User,
    WordGameResult,
)
from app.training import records

# People with these roles work through the programme and show on the trainer's list.
LEARNER_ROLES = (TRAINEE, STUDENT, FRONTDESK)
REFLECTION_LIMIT = 2000


class NotReached(Exception):
    """The item belongs to a level the person has not reached yet."""


class OwnTraining(Exception):
    """A trainer tried to sign off their own training."""


# --- the programme ------------------------------------------------------------------------


def levels() -> list[Level]:
    return list(db.session.scalars(select(Level).order_by(Level.number)))


def active_items(module: Module) -> list[LearningItem]:
    return [i for i in module.items if i.retired_at is None]


def find_special_item(special: str, module: Module | None = None) -> LearningItem | None:
    query = select(LearningItem).where(
        LearningItem.special == special, LearningItem.retired_at.is_(None)
    )
    if module is not None:
        query = query.where(LearningItem.module_id == module.id)
    return db.session.scalars(query.order_by(LearningItem.id)).first()


# --- where a person is --------------------------------------------------------------------


@dataclass
class Standing:
    """Where a person is in the programme, worked out once per page."""

    levels: list[Level]
    level: Level | None
    module: Module | None
    done_ids: set[int]
    signed_levels: set[int]  # level ids
    signed_modules: set[int]  # module ids
    signed_items: dict[int, ItemSignOff]  # item id -> newest sign-off
    word_best: dict[int, WordGameResult]  # module id -> their best finished word game
    shadow_minutes: int  # shadow shifts at the front desk the volunteer confirmed

    def counts(self, module: Module) -> tuple[int, int]:
        items = active_items(module)
        return sum(1 for i in items if i.id in self.done_ids), len(items)

    def level_counts(self, level: Level) -> tuple[int, int]:
        done = total = 0
        for module in level.modules:
            d, t = self.counts(module)
            done, total = done + d, total + t
        return done, total

    def module_complete(self, module: Module) -> bool:
        done, total = self.counts(module)
        return module.id in self.signed_modules or (total > 0 and done == total)

    def reached(self, level: Level) -> bool:
        return self.level is not None and level.number <= self.level.number

    @property
    def next_level(self) -> Level | None:
        if self.level is None:
            return None
        later = [lv for lv in self.levels if lv.number > self.level.number]
        return later[0] if later else None


def done_item_ids(user: User) -> set[int]:
    return set(
        db.session.scalars(
            select(Progress.item_id).where(
                Progress.user_id == user.id, Progress.done_at.is_not(None)
            )
        )
    )


def standing(user: User) -> Standing:
    all_levels = levels()
    signed_levels = set(
        db.session.scalars(select(LevelSignOff.level_id).where(LevelSignOff.user_id == user.id))
    )
    signed_modules = set(
        db.session.scalars(select(ModuleSignOff.module_id).where(ModuleSignOff.user_id == user.id))
    )
    signed_items = {
        s.item_id: s
        for s in db.session.scalars(
            select(ItemSignOff).where(ItemSignOff.user_id == user.id).order_by(ItemSignOff.id)
        )
    }
    level = next((lv for lv in all_levels if lv.id not in signed_levels), None)
    if level is None and all_levels:
        level = all_levels[-1]
    result = Standing(
        levels=all_levels,
        level=level,
        module=None,
        done_ids=done_item_ids(user),
        signed_levels=signed_levels,
        signed_modules=signed_modules,
        signed_items=signed_items,
        word_best=best_word_games(user),
        shadow_minutes=records.confirmed_shadow_minutes(user),
    )
    if level is not None and level.modules:
        result.module = next(
            (m for m in level.modules if not result.module_complete(m)), level.modules[-1]
        )
    return result


# --- doing the work -----------------------------------------------------------------------


def _progress(user: User, item: LearningItem) -> Progress | None:
    return db.session.scalar(
        select(Progress).where(Progress.user_id == user.id, Progress.item_id == item.id)
    )


def mark_done(user: User, item: LearningItem) -> Progress:
    """Mark an item done. Refused for an item of a level the person has not reached."""
    if not standing(user).reached(item.module.level):
        raise NotReached
    row = _progress(user, item)
    if row is None:
        row = Progress(user_id=user.id, item_id=item.id, created_by_id=user.id)
        db.session.add(row)
    if row.done_at is None:
        row.done_at = clock.now()
    db.session.flush()
    return row


def mark_not_done(user: User, item: LearningItem) -> None:
    row = _progress(user, item)
    if row is not None:
        row.done_at = None


def record_word_game(
    user: User, module: Module, *, score: int, out_of: int
) -> tuple[WordGameResult, LearningItem | None]:
    """Keep a finished word game's score, and mark the module's "word game" item done (the
    way a person marks it themselves). (the result, the item marked done or None: no such
    item, or a level they have not reached yet, where the score is still kept)."""
    result = WordGameResult(
        user_id=user.id,
        module_id=module.id,
        score=score,
        out_of=out_of,
        played_at=clock.now(),
        created_by_id=user.id,
    )
    db.session.add(result)
    db.session.flush()
    item = find_special_item("words", module)
    if item is None:
        return result, None
    try:
        mark_done(user, item)
    except NotReached:
        return result, None
    return result, item


def best_word_games(user: User) -> dict[int, WordGameResult]:
    """{module id: the best game}: the most words right the first time, the newest of equals."""
    best: dict[int, WordGameResult] = {}
    rows = db.session.scalars(
        select(WordGameResult)
        .where(WordGameResult.user_id == user.id)
        .order_by(WordGameResult.played_at, WordGameResult.id)
    )
    for row in rows:
        kept = best.get(row.module_id)
        if kept is None or row.score * kept.out_of >= kept.score * row.out_of:
            best[row.module_id] = row
    return best


def create_reflection(user: User, item: LearningItem | None, text: str) -> Reflection:
    row = Reflection(
        user_id=user.id,
        item_id=item.id if item else None,
        text=text,
        created_by_id=user.id,
        created_at=clock.now(),
    )
    db.session.add(row)
    db.session.flush()
    return row


def find_reflections(user: User, item: LearningItem | None = None) -> list[Reflection]:
    query = select(Reflection).where(Reflection.user_id == user.id)
    if item is not None:
        query = query.where(Reflection.item_id == item.id)
    return list(db.session.scalars(query.order_by(Reflection.created_at.desc(), Reflection.id)))


# --- signing off --------------------------------------------------------------------------


def _check_not_self(person: User, by: User) -> None:
    if person.id == by.id:
        raise OwnTraining


def sign_off_item(person: User, item: LearningItem, note: str, *, by: User) -> ItemSignOff:
    _check_not_self(person, by)
    row = ItemSignOff(
        user_id=person.id, item_id=item.id, note=note, created_by_id=by.id, created_at=clock.now()
    )
    db.session.add(row)
    # Signing off an item counts it as done, too.
    progress = _progress(person, item)
    if progress is None:
        db.session.add(
            Progress(user_id=person.id, item_id=item.id, done_at=clock.now(), created_by_id=by.id)
        )
    elif progress.done_at is None:
        progress.done_at = clock.now()
    db.session.flush()
    audit.record("training.item_signed_off", record=row, user=by, detail={"person": person.id})
    return row


def sign_off_module(person: User, module: Module, note: str, *, by: User) -> ModuleSignOff:
    _check_not_self(person, by)
    row = ModuleSignOff(
        user_id=person.id,
        module_id=module.id,
        note=note,
        created_by_id=by.id,
        created_at=clock.now(),
    )
    db.session.add(row)
    db.session.flush()
    audit.record("training.module_signed_off", record=row, user=by, detail={"person": person.id})
    return row


def sign_off_level(person: User, level: Level, note: str, *, by: User) -> LevelSignOff:
    _check_not_self(person, by)
    row = LevelSignOff(
        user_id=person.id, level_id=level.id, note=note, created_by_id=by.id, created_at=clock.now()
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "training.level_signed_off",
        record=row,
        user=by,
        detail={"person": person.id, "level": level.number},
    )
    return row


def level_history(person: User) -> list[LevelSignOff]:
    return list(
        db.session.scalars(
            select(LevelSignOff)
            .where(LevelSignOff.user_id == person.id)
            .order_by(LevelSignOff.created_at.desc(), LevelSignOff.id.desc())
        )
    )


def module_sign_offs(person: User, module: Module) -> list[ModuleSignOff]:
    return list(
        db.session.scalars(
            select(ModuleSignOff)
            .where(ModuleSignOff.user_id == person.id, ModuleSignOff.module_id == module.id)
            .order_by(ModuleSignOff.id.desc())
        )
    )


def offers_front_desk_role(person: User) -> bool:
    """Level one is signed off and the person is still a trainee: a manager may give them
    the front-of-house role. Never done by itself."""
    if person.role != TRAINEE:
        return False
    first = db.session.scalar(select(Level).where(Level.number == 1))
    if first is None:
        return False
    return bool(
        db.session.scalar(
            select(func.count()).where(
                LevelSignOff.user_id == person.id, LevelSignOff.level_id == first.id
            )
        )
    )


# --- people in training -------------------------------------------------------------------


def find_learners() -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(User.role.in_(LEARNER_ROLES), User.active.is_(True))
            .order_by(User.display_name)
        )
    )


def get_person(user_id: int) -> User | None:
    person = user_by_id(user_id)
    return person if person is not None and person.active else None
